import com.kitchencpq.paramkernel.it.ItAssertions
import com.kitchencpq.paramkernel.testkit.InvokerRegistry
import com.kitchencpq.paramkernel.testkit.Skopeo
import groovy.json.JsonSlurper

try {
  def sha = '0123456789abcdef0123456789abcdef01234567'
  def state = InvokerRegistry.state(basedir)
  def image = state.hostPort + '/kitchen-cpq/param-kernel-service'
  def log = ItAssertions.buildLog(basedir)
  ItAssertions.assertNotContains(log, 'LOCAL PREVIEW')
  def meta = new JsonSlurper().parse(new File(basedir, 'target/jib-image.json'))
  assert meta.preview == false
  assert meta.pushed == true
  assert meta.tags == [sha, 'latest']
  def skopeo = Skopeo.create(new File(basedir, 'target').toPath())
  assert skopeo.inspectDigest(image + ':' + sha) == meta.digest
  assert skopeo.inspectDigest(image + ':latest') == meta.digest
  ItAssertions.assertContains(log, "[INFO] Built image ${meta.digest} into target/jib-image/oci (tags ${sha}, latest); pushed ${image} as ${sha}, latest")
  ItAssertions.assertContains(log, "[INFO] Resolved ${image}:${sha} -> ${meta.digest} (from registry ${state.hostPort})")
  def json = new JsonSlurper().parse(new File(basedir, 'artifacts/param-kernel/digest.json'))
  assert json.digest == meta.digest
  assert json.fallback == false
} finally {
  InvokerRegistry.stop(basedir)
}
return true
