import com.kitchencpq.paramkernel.it.ItAssertions
import com.kitchencpq.paramkernel.testkit.InvokerRegistry
import groovy.json.JsonSlurper

try {
  def state = InvokerRegistry.state(basedir)
  def sha = '0123456789abcdef0123456789abcdef01234567'
  def image = state.hostPort + '/kitchen-cpq/param-kernel-service'
  def expected = state.getProperty('digest.' + sha)
  def log = ItAssertions.buildLog(basedir)
  ItAssertions.assertContains(log, "[INFO] Resolved ${image}:${sha} -> ${expected}")
  ItAssertions.assertNotContains(log, 'FALLBACK')
  def json = new JsonSlurper().parse(new File(basedir, 'artifacts/param-kernel/digest.json'))
  assert json == [image: image, tag: sha, digest: expected, fallback: false, source: 'registry']
} finally {
  InvokerRegistry.stop(basedir)
}
return true
