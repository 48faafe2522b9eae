import com.kitchencpq.paramkernel.it.InvokerService
import com.kitchencpq.paramkernel.it.ItAssertions
import com.kitchencpq.paramkernel.testkit.InvokerPrometheus
import groovy.json.JsonSlurper

try {
  def log = ItAssertions.buildLog(basedir)
  def lines = log.readLines()
  ItAssertions.assertContains(log, '[INFO] Analyzing live with the semantics of Argo Rollouts 1.9')
  // a progress line per measurement as it happens, then the table
  (1..3).each { n ->
    assert lines.any { it ==~ /\[INFO\] scrape-rate #$n at \S+Z: \[[0-9.]+\] Successful/ } : "progress line $n of scrape-rate"
    assert lines.any { it ==~ /\[INFO\] scrape-latency-p95 #$n at \S+Z: \[[0-9.e-]+\] Successful/ } : "progress line $n of scrape-latency-p95"
  }
  assert lines.any { it ==~ /\[INFO\] Next measurement of scrape-rate, scrape-latency-p95 at \S+Z \(in [0-9]+ s\)/ }
  ItAssertions.assertContainsInOrder(log, [
      "[INFO] metric scrape-rate (AnalysisTemplate 'scrape-health', prometheus): Successful",
      "[INFO] metric scrape-latency-p95 (AnalysisTemplate 'scrape-health', prometheus): Successful"])
  def verdict = lines.find { it.startsWith('[INFO] Analysis Successful') }
  assert verdict ==~ /\[INFO\] Analysis Successful: Every metric completed within its limits \(scrape-rate: 3 of 3 counted measurements Successful; scrape-latency-p95: 3 of 3 counted measurements Successful\) \(6 measurements, live, Argo Rollouts 1.9, in [0-9]+ ms; artifacts\/param-kernel\/analysis.json\)/ : verdict
  ItAssertions.assertContains(log, 'BUILD SUCCESS')

  def json = new JsonSlurper().parse(new File(basedir, 'artifacts/param-kernel/analysis.json'))
  assert json.phase == 'Successful' && json.mode == 'live'
  assert json.metrics*.name == ['scrape-rate', 'scrape-latency-p95']
  assert json.metrics*.phase == ['Successful', 'Successful']
  assert json.metrics*.measurements*.size() == [3, 3]
  // live instants follow the schedule: 2 s apart, the first 5 s after the start
  def instants = json.metrics[0].measurements*.instant.collect { java.time.Instant.parse(it) }
  def start = java.time.Instant.parse(json.startedAt)
  assert java.time.Duration.between(start, instants[0]).toMillis() >= 5000
  assert java.time.Duration.between(instants[0], instants[1]).toMillis() >= 2000
} finally {
  InvokerPrometheus.stop(basedir)
  InvokerService.stop(basedir)
}
return true
