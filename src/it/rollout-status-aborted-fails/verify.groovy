import com.kitchencpq.paramkernel.it.ItAssertions
import com.kitchencpq.paramkernel.plugin.cluster.InvokerApiServer

try {
  def log = ItAssertions.buildLog(basedir)
  def message = 'RolloutAborted: Rollout aborted update to revision 2: Step-based analysis phase error/failed: Metric "error-rate" assessed Failed due to failed (2) > failureLimit (1)'
  ItAssertions.assertContainsInOrder(log, [
      '[INFO] Progressing | step 2/8 analysis | weight 20 | canary 1/1 ready | stable 1/1 ready | analysis param-kernel-service-7f6c9d8b5-2-2 Running: warmup=- (Successful), error-rate=0.052 (Failed), latency-p95=0.024 (Successful)',
      '[INFO] Degraded - ' + message + ' | step 2/8 analysis | weight 0 | canary 1/1 ready | stable 1/1 ready',
      '::error title=param-kernel rollout-status::Rollout param-kernel-service (namespace kitchen-cpq) is Degraded: ' + message,
      'BUILD FAILURE',
      '[ERROR] Failed to execute goal com.kitchencpq:param-kernel-maven-plugin:',
      'Rollout param-kernel-service (namespace kitchen-cpq) is Degraded: ' + message + '; the update did not complete'])
  ItAssertions.assertContains(new File(basedir, 'github-output.txt').text, 'rollout-state=Degraded\n')
  ItAssertions.assertGoldenFiles(basedir)
} finally {
  InvokerApiServer.stop(basedir)
}
return true
