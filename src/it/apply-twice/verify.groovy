import com.kitchencpq.paramkernel.it.ItAssertions
import com.kitchencpq.paramkernel.plugin.cluster.InvokerApiServer

try {
  def url = InvokerApiServer.state(basedir).getProperty('url')
  def log = ItAssertions.buildLog(basedir)
  def objects = ['service/param-kernel-service', 'service/param-kernel-service-canary',
                 'servicemonitor.monitoring.coreos.com/param-kernel-service',
                 'analysistemplate.argoproj.io/param-kernel-warmup',
                 'analysistemplate.argoproj.io/param-kernel-canary-health',
                 'rollout.argoproj.io/param-kernel-service']
  def lines = objects.collect { "[INFO] ${it} (namespace kitchen-cpq) created".toString() } +
      ["[INFO] Applied artifacts/param-kernel/rollout.yaml to ${url}: 6 created, 0 configured, 0 unchanged".toString()] +
      objects.collect { "[INFO] ${it} (namespace kitchen-cpq) unchanged".toString() } +
      ["[INFO] Applied artifacts/param-kernel/rollout.yaml to ${url}: 0 created, 0 configured, 6 unchanged".toString()]
  ItAssertions.assertContainsInOrder(log, lines)
  // The dry run with a new digest: the two documents that name the image would change, nothing is stored.
  ItAssertions.assertContains(log, '[INFO] rollout.argoproj.io/param-kernel-service (namespace kitchen-cpq) configured (server dry run)')
  ItAssertions.assertContains(log, "Applied artifacts/param-kernel/rollout.yaml to ${url} (server dry run): 0 created, 2 configured, 4 unchanged")
  // The request log before this script's own read of the stored Rollout (itself a request).
  def requests = InvokerApiServer.requests(basedir)
  def rollout = InvokerApiServer.stored(basedir, '/apis/argoproj.io/v1alpha1/namespaces/kitchen-cpq/rollouts/param-kernel-service')
  ItAssertions.assertContains(rollout, 'kitchen-cpq/param-kernel-service@sha256:' + '3b' * 32)
  ItAssertions.assertNotContains(rollout, '5d5d5d5d')

  ItAssertions.assertContains(requests, 'PATCH /apis/argoproj.io/v1alpha1/namespaces/kitchen-cpq/rollouts/param-kernel-service?fieldManager=param-kernel application/apply-patch+yaml bearer-token')
  ItAssertions.assertContains(requests, 'dryRun=All')
  def patches = requests.readLines().findAll { it.startsWith('PATCH ') }
  assert patches.size() == 18
  assert patches.every { it.contains('fieldManager=param-kernel') && it.endsWith(' application/apply-patch+yaml bearer-token') }
  assert patches.count { it.contains('dryRun=All') } == 6
  assert !patches.any { it.contains('force=') }

  // The kubeconfig's token went to the server and nowhere else, even at debug level (build 2 runs with -X).
  assert requests.readLines().findAll { it ==~ /^(GET|PATCH|POST|PUT) .*/ }.every { it.endsWith(' bearer-token') }
  ItAssertions.assertContains(log, '[DEBUG]')
  ItAssertions.assertNotContains(log, InvokerApiServer.TOKEN)
  ItAssertions.assertNotContains(new File(basedir, 'github-summary.md').text, InvokerApiServer.TOKEN)

  // The job summary of the three builds, the server's random port aside.
  def summary = new File(basedir, 'github-summary.md').text.replace(url, '<server>')
  def expected = new File(basedir, 'expected/github-summary.md').text
  if (summary != expected) {
    throw new AssertionError("github-summary.md differs from expected/github-summary.md:\n" + summary)
  }
} finally {
  InvokerApiServer.stop(basedir)
}
return true
