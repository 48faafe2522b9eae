import com.kitchencpq.paramkernel.it.ItAssertions
import com.kitchencpq.paramkernel.testkit.InvokerRegistry
import com.kitchencpq.paramkernel.testkit.Skopeo
import groovy.json.JsonSlurper

try {
  def sha = '0123456789abcdef0123456789abcdef01234567'
  def state = InvokerRegistry.state(basedir)
  def image = state.hostPort + '/kitchen-cpq/param-kernel-service'
  def log = ItAssertions.buildLog(basedir)
  def meta = new JsonSlurper().parse(new File(basedir, 'target/jib-image.json'))
  assert meta.pushed == true
  assert Skopeo.create(new File(basedir, 'target').toPath()).inspectDigest(image + ':' + sha, 'ciuser', 'q~') == meta.digest
  ItAssertions.assertContains(log, "[INFO] Resolved ${image}:${sha} -> ${meta.digest} (from registry ${state.hostPort})")

  // The run printed Maven's own debug output, jib's and the plugin's ...
  ItAssertions.assertContains(log, '[DEBUG] Configuring mojo')
  ItAssertions.assertContains(log, '[DEBUG] jib: ')
  ItAssertions.assertContains(log, "[DEBUG] HEAD http://${state.hostPort}/v2/kitchen-cpq/param-kernel-service/manifests/${sha} -> 401")
  // ... and no form of the credential: the password, user:password, the Basic value.
  def basic = Base64.encoder.encodeToString('ciuser:q~'.getBytes('UTF-8'))
  ItAssertions.assertNotContains(log, 'q~')
  ItAssertions.assertNotContains(log, 'ciuser:q')
  ItAssertions.assertNotContains(log, basic)
  ItAssertions.assertNotContains(log, basic.replace('=', ''))
} finally {
  InvokerRegistry.stop(basedir)
}
return true
