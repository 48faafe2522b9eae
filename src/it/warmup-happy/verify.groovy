import com.kitchencpq.paramkernel.it.ItAssertions
import com.kitchencpq.paramkernel.it.InvokerService
import groovy.json.JsonSlurper

try {
  def url = InvokerService.url(basedir)
  def log = ItAssertions.buildLog(basedir)
  // the one INFO line: verdict, p95 / p99 of the judged window, where the evidence is
  def line = log.readLines().find { it.startsWith('[INFO] Warm-up of ') }
  assert line ==~ /\[INFO\] Warm-up of \Q${url}\E passed: p95 [0-9.]+ ms, p99 [0-9.]+ ms over iterations 2-4 \(limits 5000 \/ 5000 ms\), 40 of 40 requests answered 200; evidence in artifacts\/param-kernel\/warmup/ : line
  ItAssertions.assertContains(log, 'BUILD SUCCESS')

  def dir = new File(basedir, 'artifacts/param-kernel/warmup')
  assert dir.list().sort() == ['histogram.hgrm', 'histogram.json', 'percentiles.svg', 'run-log.json']

  def runLog = new JsonSlurper().parse(new File(dir, 'run-log.json'))
  assert runLog.keySet().containsAll(['startedAt', 'payloadSha256', 'ratePerSecond', 'concurrency',
      'iterations', 'requests', 'outcomes', 'p50Ms', 'p95Ms', 'p99Ms', 'p999Ms', 'maxMs', 'passed',
      'problems'])
  assert runLog.target == url
  assert runLog.payloadSha256 == 'd73aa6bb7b411dc40c1ba9dfb653f86effa4c3dca5725119c7a298b041eb08f0'
  assert runLog.ratePerSecond == 40 && runLog.concurrency == 5 && runLog.iterations == 4 && runLog.requests == 40
  assert runLog.outcomes == ['200': 40]
  assert runLog.judgedRequests == 30
  assert runLog.passed == true && runLog.problems == []

  def histogram = new JsonSlurper().parse(new File(dir, 'histogram.json'))
  assert histogram.unit == 'microseconds' && histogram.totalCount == 30
  assert histogram.percentilesMs.p95 == runLog.p95Ms && histogram.percentilesMs.p99 == runLog.p99Ms
  ItAssertions.assertContains(new File(dir, 'histogram.hgrm').text, 'Value     Percentile TotalCount 1/(1-Percentile)')
  def svg = new File(dir, 'percentiles.svg').text
  assert svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')
  ItAssertions.assertContains(svg, '>p95 limit 5000 ms</text>')

  def outputs = new File(basedir, 'github-output.txt').text
  ItAssertions.assertContains(outputs, 'warmup-passed=true\n')
  ItAssertions.assertContains(outputs, "warmup-p95-ms=${runLog.p95Ms}\n")
  ItAssertions.assertContains(outputs, "warmup-p99-ms=${runLog.p99Ms}\n")
  ItAssertions.assertContains(outputs, 'warmup-run-log=artifacts/param-kernel/warmup/run-log.json\n')
  def summary = new File(basedir, 'github-summary.md').text
  ItAssertions.assertContains(summary, '### param-kernel warm-up')
  ItAssertions.assertContains(summary, '```mermaid\nxychart-beta\n')
} finally {
  InvokerService.stop(basedir)
}
return true
