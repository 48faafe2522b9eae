import com.kitchencpq.paramkernel.it.ItAssertions
import com.kitchencpq.paramkernel.testkit.InvokerRegistry

try {
  def sha = '0123456789abcdef0123456789abcdef01234567'
  def log = ItAssertions.buildLog(basedir)
  ItAssertions.assertContains(log, "Tag ${sha} of")
  ItAssertions.assertContains(log, 'Strict mode (release branch or paramkernel.strict=true) allows no fallback')
  ItAssertions.assertNotContains(log, 'Resolved ')
  ItAssertions.assertNotContains(log, 'falling back')
  ItAssertions.assertNotExists(basedir, 'artifacts/param-kernel/digest.json')
} finally {
  InvokerRegistry.stop(basedir)
}
return true
