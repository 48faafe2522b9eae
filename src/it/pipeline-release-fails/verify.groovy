import com.kitchencpq.paramkernel.it.ItAssertions
import com.kitchencpq.paramkernel.testkit.InvokerRegistry

def sha = '5d1e4b8f0c2a47e39b6d8a1f3c5e7a9b2d4f6e80'
try {
  def state = InvokerRegistry.state(basedir)
  def image = state.getProperty('hostPort') + '/' + InvokerRegistry.REPOSITORY
  def log = ItAssertions.buildLog(basedir)

  // strict: the missing commit image fails the build, naming the image and the tag
  ItAssertions.assertContains(log, 'BUILD FAILURE')
  ItAssertions.assertContains(log, "Tag ${sha} of ${image}")
  ItAssertions.assertContains(log, 'Strict mode (release branch or paramkernel.strict=true) allows no fallback')
  // ... and latest was never used
  ItAssertions.assertNotContains(log, 'Resolved ')
  ItAssertions.assertNotContains(log, 'FALLBACK')

  // nothing to apply and nothing deployed
  ItAssertions.assertNotExists(basedir, 'artifacts/param-kernel/rollout.yaml')
  ItAssertions.assertNotExists(basedir, 'artifacts/param-kernel/digest.json')
  ItAssertions.assertNotExists(basedir, 'target/repo')
  def outputs = new File(basedir, 'github-output.txt')
  assert !outputs.exists() || !outputs.text.contains('digest=')
} finally {
  InvokerRegistry.stop(basedir)
}
return true
