import com.kitchencpq.paramkernel.it.ItAssertions
import com.kitchencpq.paramkernel.testkit.InvokerRegistry
import groovy.json.JsonSlurper

try {
  def state = InvokerRegistry.state(basedir)
  def sha = '0123456789abcdef0123456789abcdef01234567'
  def image = state.hostPort + '/kitchen-cpq/param-kernel-service'
  def expected = state.getProperty('digest.latest')
  def log = ItAssertions.buildLog(basedir)
  ItAssertions.assertContains(log, "[WARNING] Tag ${sha} of ${image} not found in registry ${state.hostPort}; falling back to latest")
  ItAssertions.assertContains(log, "[INFO] Resolved ${image}:latest -> ${expected}")
  ItAssertions.assertContains(log, "[FALLBACK: ${sha} not found]")
  def json = new JsonSlurper().parse(new File(basedir, 'artifacts/param-kernel/digest.json'))
  assert json == [image: image, tag: 'latest', digest: expected, fallback: true, source: 'registry']
} finally {
  InvokerRegistry.stop(basedir)
}
return true
