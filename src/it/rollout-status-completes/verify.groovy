import com.kitchencpq.paramkernel.it.ItAssertions
import com.kitchencpq.paramkernel.plugin.cluster.InvokerApiServer

try {
  def log = ItAssertions.buildLog(basedir)
  ItAssertions.assertContains(log, '[INFO] Following Rollout param-kernel-service (namespace kitchen-cpq) on http://')
  ItAssertions.assertContainsInOrder(log, [
      '[INFO] Progressing - more replicas need to be updated | step 0/8 setWeight: 20 | weight 20 | canary 0/1 ready | stable 1/1 ready',
      '[INFO] Paused - CanaryPauseStep | step 1/8 pause: 5m | weight 20 | canary 1/1 ready | stable 1/1 ready',
      '[INFO] Progressing | step 2/8 analysis | weight 20 | canary 1/1 ready | stable 1/1 ready | analysis param-kernel-service-7f6c9d8b5-2-2 Running: warmup=- (Successful), error-rate=0.004 (Successful), latency-p95=0.021 (Successful)',
      '[INFO] Healthy | step 8/8 | weight 100 | stable 1/1 ready',
      '::notice title=param-kernel rollout-status::Rollout param-kernel-service (namespace kitchen-cpq) is Healthy',
      '[INFO] Rollout param-kernel-service (namespace kitchen-cpq) is Healthy',
      'BUILD SUCCESS'])
  def outputs = new File(basedir, 'github-output.txt').text
  ItAssertions.assertContains(outputs, 'rollout-state=Healthy\n')
  ItAssertions.assertContains(outputs, 'rollout-step=8/8\n')
  ItAssertions.assertGoldenFiles(basedir)
} finally {
  InvokerApiServer.stop(basedir)
}
return true
