import com.kitchencpq.paramkernel.it.ItAssertions
import com.kitchencpq.paramkernel.plugin.cluster.InvokerApiServer

try {
  def log = ItAssertions.buildLog(basedir)
  def url = InvokerApiServer.state(basedir).getProperty('url')
  ItAssertions.assertContainsInOrder(log, [
      '--- param-kernel-maven-plugin:',
      '[INFO] rollout.argoproj.io/param-kernel-service (namespace kitchen-cpq) created',
      "[INFO] Applied artifacts/param-kernel/rollout.yaml to ${url}: 6 created, 0 configured, 0 unchanged".toString(),
      "[INFO] Following Rollout param-kernel-service (namespace kitchen-cpq) on ${url} for up to 60m".toString(),
      '[INFO] Healthy | step 8/8 | weight 100 | stable 1/1 ready',
      '[INFO] Rollout param-kernel-service (namespace kitchen-cpq) is Healthy',
      'BUILD SUCCESS'])
  // No test ran in the job that holds the kubeconfig.
  ItAssertions.assertNotContains(log, 'Tests run:')
  ItAssertions.assertNotContains(log, InvokerApiServer.TOKEN)
  def outputs = new File(basedir, 'github-output.txt').text
  ItAssertions.assertContains(outputs, 'apply-created=6\n')
  ItAssertions.assertContains(outputs, 'rollout-state=Healthy\n')
  def summary = new File(basedir, 'github-summary.md').text
  ItAssertions.assertContainsInOrder(summary, ['### param-kernel apply', '### param-kernel rollout', '| State | Healthy |'])
} finally {
  InvokerApiServer.stop(basedir)
}
return true
