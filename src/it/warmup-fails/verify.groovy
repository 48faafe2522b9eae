import com.kitchencpq.paramkernel.it.ItAssertions
import com.kitchencpq.paramkernel.it.InvokerService
import groovy.json.JsonSlurper

try {
  def url = InvokerService.url(basedir)
  def log = ItAssertions.buildLog(basedir)
  def line = log.readLines().find { it.startsWith('[INFO] Warm-up of ') }
  assert line ==~ /\[INFO\] Warm-up of \Q${url}\E FAILED: p95 [0-9.]+ ms, p99 [0-9.]+ ms over iteration 2 \(limits 0.001 \/ 5000 ms\), 20 of 20 requests answered 200; evidence in artifacts\/param-kernel\/warmup/ : line
  // the failure names the limit that was exceeded and its property
  assert log =~ /\[ERROR\] Failed to execute goal .*:warmup \(default-cli\) on project standalone-pom: Warm-up of \Q${url}\E failed: p95 [0-9.]+ ms over iteration 2 is not below the limit of 0.001 ms \(paramkernel.warmup.maxP95Ms\)/
  ItAssertions.assertNotContains(log, 'paramkernel.warmup.maxP99Ms)')

  def runLog = new JsonSlurper().parse(new File(basedir, 'artifacts/param-kernel/warmup/run-log.json'))
  assert runLog.passed == false
  assert runLog.outcomes == ['200': 20]
  assert runLog.problems.size() == 1 && runLog.problems[0].startsWith('p95 ')
  ItAssertions.assertExists(basedir, 'artifacts/param-kernel/warmup/percentiles.svg')
} finally {
  InvokerService.stop(basedir)
}
return true
