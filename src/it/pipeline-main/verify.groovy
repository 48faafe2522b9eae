import com.kitchencpq.paramkernel.it.ItAssertions
import com.kitchencpq.paramkernel.testkit.InvokerRegistry
import com.kitchencpq.paramkernel.it.PipelineChecks

def sha = '5d1e4b8f0c2a47e39b6d8a1f3c5e7a9b2d4f6e80'
try {
  def state = InvokerRegistry.state(basedir)
  def image = state.getProperty('hostPort') + '/' + InvokerRegistry.REPOSITORY
  def log = ItAssertions.buildLog(basedir)

  // image: pushed under the commit SHA and latest, one digest, the one Jib reported
  def pushed = new File(basedir, 'target/jib-image.digest').text.trim()
  assert pushed ==~ /sha256:[0-9a-f]{64}/
  assert PipelineChecks.registryDigest(basedir, image + ':' + sha).orElse(null) == pushed
  assert PipelineChecks.registryDigest(basedir, image + ':latest').orElse(null) == pushed

  // resolve-digest: the SHA tag, no fallback, the pushed digest
  def digest = PipelineChecks.digestJson(basedir)
  assert digest.get('digest').asText() == pushed
  assert digest.get('tag').asText() == sha
  assert !digest.get('fallback').asBoolean()
  assert digest.get('source').asText() == 'registry'
  ItAssertions.assertContains(log, "Resolved ${image}:${sha} -> ${pushed}")
  ItAssertions.assertNotContains(log, 'FALLBACK')
  ItAssertions.assertNotContains(log, '::warning')

  // render + validate: the bundle pins the pushed digest and passed the checks
  def rollout = new File(basedir, 'artifacts/param-kernel/rollout.yaml')
  assert rollout.isFile()
  ItAssertions.assertContains(rollout.text, 'image: kitchen-cpq/param-kernel-service@' + pushed)
  ItAssertions.assertNotContains(rollout.text, '${PARAM_KERNEL_IMAGE_DIGEST}')
  ItAssertions.assertExists(basedir, 'artifacts/param-kernel/validate.sarif')
  ItAssertions.assertNotContains(log, '::error')

  // deploy: the bundle sits next to the jar, classifier rollout, type yaml, byte for byte
  def repo = new File(basedir, 'target/repo')
  def jars = PipelineChecks.deployed(repo, 'com.kitchencpq.it', 'pipeline-main', '1.0.0-SNAPSHOT', '.jar')
  def bundles = PipelineChecks.deployed(repo, 'com.kitchencpq.it', 'pipeline-main', '1.0.0-SNAPSHOT', '-rollout.yaml')
  assert jars.size() == 1 && bundles.size() == 1
  assert bundles[0].fileName.toString() == jars[0].fileName.toString().replace('.jar', '-rollout.yaml')
  assert bundles[0].toFile().text == rollout.text

  // GitHub hand-offs
  def outputs = PipelineChecks.githubOutputs(basedir, 'github-output.txt')
  assert outputs['digest'] == pushed
  assert outputs['tag'] == sha
  assert outputs['image-ref'] == image + '@' + pushed
  assert outputs['rollout-path'] == 'artifacts/param-kernel/rollout.yaml'
  assert outputs['validate-errors'] == '0'
  def summary = new File(basedir, 'github-summary.md').text
  ItAssertions.assertContains(summary, '### param-kernel image')
  ItAssertions.assertContains(summary, '| Digest | `' + pushed + '` |')
  ItAssertions.assertContains(summary, '| Fallback | no |')
  ItAssertions.assertContains(summary, '```mermaid\nflowchart LR\n')
  ItAssertions.assertContains(summary, 's1["setWeight 20%"] --> s2{{"pause 5m"}}')
  ItAssertions.assertContains(summary, '### param-kernel validation\n\npassed: 0 errors')
} finally {
  InvokerRegistry.stop(basedir)
}
return true
