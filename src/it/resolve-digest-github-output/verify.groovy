import com.kitchencpq.paramkernel.it.ItAssertions
import com.kitchencpq.paramkernel.testkit.InvokerRegistry

try {
  def state = InvokerRegistry.state(basedir)
  def image = state.hostPort + '/kitchen-cpq/param-kernel-service'
  def digest = state.getProperty('digest.latest')
  def outputs = new File(basedir, 'github-output.txt').text
  assert outputs == "digest=${digest}\ntag=latest\nimage-ref=${image}@${digest}\n" as String
  def log = ItAssertions.buildLog(basedir)
  ItAssertions.assertContains(log, '\n::warning title=param-kernel resolve-digest::Tag 0123456789abcdef0123456789abcdef01234567 of ' + image + ' not found; using latest')
} finally {
  InvokerRegistry.stop(basedir)
}
return true
