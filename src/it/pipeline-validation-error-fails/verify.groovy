import com.kitchencpq.paramkernel.it.ItAssertions
import com.kitchencpq.paramkernel.testkit.InvokerRegistry

try {
  // the finding points at the step (the `- pause:` line, just above the 6m duration)
  def line = new File(basedir, 'target/broken-rollout.yaml').readLines().findIndexOf { it.trim() == 'duration: 6m' }
  assert line > 0
  def log = ItAssertions.buildLog(basedir)

  ItAssertions.assertContains(log, 'BUILD FAILURE')
  // the finding, as a workflow error annotation on the rendered file's line
  def annotations = log.readLines().findAll { it.startsWith('::error ') }
  assert annotations.any {
    it.contains('file=artifacts/param-kernel/rollout.yaml') && it.contains(",line=${line},")
  } : "no ::error annotation for artifacts/param-kernel/rollout.yaml line ${line} in:\n" + annotations.join('\n')
  // ... and as a finding line in the log
  ItAssertions.assertContains(log, "artifacts/param-kernel/rollout.yaml:${line}:")

  // nothing deployed; the summary says what failed
  ItAssertions.assertNotExists(basedir, 'target/repo')
  def summary = new File(basedir, 'github-summary.md').text
  ItAssertions.assertContains(summary, '### param-kernel validation')
  ItAssertions.assertContains(summary, '**failed**')
  ItAssertions.assertContains(summary, "rollout.yaml:${line}:")
} finally {
  InvokerRegistry.stop(basedir)
}
return true
