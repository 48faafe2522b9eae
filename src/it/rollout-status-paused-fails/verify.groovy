import com.kitchencpq.paramkernel.it.ItAssertions
import com.kitchencpq.paramkernel.plugin.cluster.InvokerApiServer

try {
  def log = ItAssertions.buildLog(basedir)
  def paused = '[INFO] Paused - InconclusiveAnalysisRun | step 2/8 analysis | weight 20 | canary 1/1 ready | stable 1/1 ready | analysis param-kernel-service-7f6c9d8b5-2-2 Inconclusive: warmup=- (Successful), error-rate=0.004 (Successful), latency-p95=NaN (Inconclusive)'
  ItAssertions.assertContainsInOrder(log, [
      paused,
      '::error title=param-kernel rollout-status::Rollout param-kernel-service (namespace kitchen-cpq) is Paused: InconclusiveAnalysisRun; promote it',
      'BUILD FAILURE',
      // the second build: the same pause passes with paramkernel.rollout.failOnPause=false
      paused,
      '::warning title=param-kernel rollout-status::Rollout param-kernel-service (namespace kitchen-cpq) is Paused: InconclusiveAnalysisRun (paramkernel.rollout.failOnPause=false: not a failure)',
      '[WARNING] Rollout param-kernel-service (namespace kitchen-cpq) is Paused: InconclusiveAnalysisRun (paramkernel.rollout.failOnPause=false',
      'BUILD SUCCESS'])
  def outputs = new File(basedir, 'github-output.txt').text
  assert outputs.readLines().count { it == 'rollout-state=Paused' } == 2
} finally {
  InvokerApiServer.stop(basedir)
}
return true
