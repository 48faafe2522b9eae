import com.kitchencpq.paramkernel.it.ItAssertions
import com.kitchencpq.paramkernel.testkit.InvokerRegistry

try {
  def state = InvokerRegistry.state(basedir)
  def log = ItAssertions.buildLog(basedir)
  ItAssertions.assertContains(log, "registry ${state.hostPort} refused kitchen-cpq/param-kernel-service with credentials from environment PARAMKERNEL_REGISTRY_USERNAME (HTTP 401")
  ItAssertions.assertNotContains(log, 'falling back')
  ItAssertions.assertNotContains(log, 'Resolved ')
  ItAssertions.assertNotContains(log, 'Wrong-Pa55-invoker')
  ItAssertions.assertNotContains(log, 'Right-Pa55-invoker')
  ItAssertions.assertNotContains(log, 'Y2l1c2VyOldyb25n') // base64 of "ciuser:Wrong"
  ItAssertions.assertContains(log, '[DEBUG] Configuring mojo')
  for (String pair : ['ciuser:Wrong-Pa55-invoker', 'ciuser:Right-Pa55-invoker']) {
    def basic = Base64.encoder.encodeToString(pair.getBytes('UTF-8'))
    ItAssertions.assertNotContains(log, pair)
    ItAssertions.assertNotContains(log, basic)
    ItAssertions.assertNotContains(log, basic.replace('=', ''))
  }
  ItAssertions.assertNotExists(basedir, 'artifacts/param-kernel/digest.json')
} finally {
  InvokerRegistry.stop(basedir)
}
return true
