import com.kitchencpq.paramkernel.it.ItAssertions
import com.kitchencpq.paramkernel.testkit.InvokerRegistry
import com.kitchencpq.paramkernel.it.PipelineChecks

def sha = '5d1e4b8f0c2a47e39b6d8a1f3c5e7a9b2d4f6e80'
try {
  def state = InvokerRegistry.state(basedir)
  def image = state.getProperty('hostPort') + '/' + InvokerRegistry.REPOSITORY
  def latest = state.getProperty('digest.latest')
  def log = ItAssertions.buildLog(basedir)

  // the commit's image is still missing; latest is what it was
  assert !PipelineChecks.registryDigest(basedir, image + ':' + sha).isPresent()
  assert PipelineChecks.registryDigest(basedir, image + ':latest').orElse(null) == latest

  // resolve-digest fell back to latest and said so, in the log and as a workflow warning
  def digest = PipelineChecks.digestJson(basedir)
  assert digest.get('digest').asText() == latest
  assert digest.get('tag').asText() == 'latest'
  assert digest.get('fallback').asBoolean()
  ItAssertions.assertContains(log, "Resolved ${image}:latest -> ${latest}")
  ItAssertions.assertContains(log, '[FALLBACK: ' + sha + ' not found]')
  assert log.readLines().any { it.startsWith('::warning ') && it.contains(sha) && it.contains('latest') }

  // the rest of the pipeline ran with the fallback digest
  def rollout = new File(basedir, 'artifacts/param-kernel/rollout.yaml')
  ItAssertions.assertContains(rollout.text, 'image: kitchen-cpq/param-kernel-service@' + latest)
  def repo = new File(basedir, 'target/repo')
  assert PipelineChecks.deployed(repo, 'com.kitchencpq.it', 'pipeline-main-fallback', '1.0.0-SNAPSHOT', '-rollout.yaml').size() == 1

  def outputs = PipelineChecks.githubOutputs(basedir, 'github-output.txt')
  assert outputs['digest'] == latest
  assert outputs['tag'] == 'latest'
  def summary = new File(basedir, 'github-summary.md').text
  ItAssertions.assertContains(summary, '| Tag | `latest` |')
  ItAssertions.assertContains(summary, '| Fallback | **yes**')
} finally {
  InvokerRegistry.stop(basedir)
}
return true
