import com.kitchencpq.paramkernel.it.ItAssertions
import com.kitchencpq.paramkernel.testkit.InvokerPrometheus
import groovy.json.JsonSlurper
import java.time.Instant

try {
  def start = Instant.parse(new File(basedir, 'replay-start.txt').text)
  def log = ItAssertions.buildLog(basedir)
  ItAssertions.assertContains(log, "[INFO] Analyzing as replayed from ${start} with the semantics of Argo Rollouts 1.9")
  // the table: the Job metric listed, each Prometheus metric with its five measurements
  ItAssertions.assertContainsInOrder(log, [
      "[INFO] metric warmup (AnalysisTemplate 'param-kernel-warmup', job): not run here (analyze runs Prometheus metrics only); left out of the verdict",
      "[INFO] metric error-rate (AnalysisTemplate 'param-kernel-canary-health', prometheus): Successful",
      "[INFO]     #  instant               value  phase",
      "[INFO]     1  ${start.plusSeconds(150)}  [0]    Successful".toString(),
      "[INFO]     5  ${start.plusSeconds(390)}  [0]    Successful".toString(),
      "[INFO] metric latency-p95 (AnalysisTemplate 'param-kernel-canary-health', prometheus): Successful",
      // 18.75 ms, interpolated in the (17.5, 20] ms bucket, printed as Go prints the float
      "[INFO]     1  ${start.plusSeconds(150)}  [0.018750000000000003]  Successful".toString(),
      "[INFO] metric latency-p95-vs-stable (AnalysisTemplate 'param-kernel-canary-health', prometheus): Successful",
      "[INFO]     1  ${start.plusSeconds(150)}  [1]    Successful".toString()])
  def verdict = log.readLines().find { it.startsWith('[INFO] Analysis Successful') }
  assert verdict ==~ /\[INFO\] Analysis Successful: Every metric completed within its limits \(error-rate: 5 of 5 counted measurements Successful; latency-p95: 5 of 5 counted measurements Successful; latency-p95-vs-stable: 5 of 5 counted measurements Successful\) \(15 measurements, replay from \Q${start}\E, Argo Rollouts 1.9, in [0-9]+ ms; artifacts\/param-kernel\/analysis.json\)/ : verdict
  ItAssertions.assertContains(log, 'BUILD SUCCESS')
  ItAssertions.assertNotContains(log, '[ERROR]')

  def json = new JsonSlurper().parse(new File(basedir, 'artifacts/param-kernel/analysis.json'))
  assert json.phase == 'Successful'
  assert json.mode == 'replay' && json.argoVersion == '1.9' && json.startedAt == start.toString()
  assert json.metrics*.name == ['warmup', 'error-rate', 'latency-p95', 'latency-p95-vs-stable']
  assert json.metrics*.phase == ['NotRun', 'Successful', 'Successful', 'Successful']
  assert json.metrics*.measurements*.size() == [0, 5, 5, 5]
  assert json.metrics[1].measurements*.instant == (0..4).collect { start.plusSeconds(150 + 60 * it).toString() }
  assert json.metrics[1].measurements*.value == ['[0]'] * 5
  assert json.metrics[2].measurements*.value == ['[0.018750000000000003]'] * 5
  assert json.metrics[3].measurements*.value == ['[1]'] * 5

  def outputs = new File(basedir, 'github-output.txt').text
  ItAssertions.assertContains(outputs, 'analysis-phase=Successful\n')
  ItAssertions.assertContains(outputs, 'analysis-path=artifacts/param-kernel/analysis.json\n')
  def summary = new File(basedir, 'github-summary.md').text
  ItAssertions.assertContains(summary, "### param-kernel analysis\n\nSuccessful (replay from ${start}, Argo Rollouts 1.9)")
  ItAssertions.assertContains(summary, "| 1 | ${start.plusSeconds(150)} | `[0.018750000000000003]` | Successful |  |")
} finally {
  InvokerPrometheus.stop(basedir)
}
return true
