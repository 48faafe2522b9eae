import com.kitchencpq.paramkernel.it.InvokerService
import com.kitchencpq.paramkernel.it.ItAssertions
import com.kitchencpq.paramkernel.testkit.InvokerPrometheus
import groovy.json.JsonSlurper

try {
  def log = ItAssertions.buildLog(basedir)
  def lines = log.readLines()
  assert lines.any { it ==~ /\[INFO\] scrape-rate #1 at \S+Z: \[[0-9.]+\] Failed/ }
  ItAssertions.assertContains(log, "[INFO] metric scrape-rate (AnalysisTemplate 'scrape-health', prometheus): Failed")
  // the run stopped: the sibling metric, short of its count, is assessed as terminated
  ItAssertions.assertContains(log, "[INFO] metric scrape-latency-p95 (AnalysisTemplate 'scrape-health', prometheus): Successful")
  assert lines.any { it ==~ /\[ERROR\] Analysis Failed: Metric "scrape-rate" assessed Failed due to failed \(1\) > failureLimit \(0\) \(2 measurements, live, Argo Rollouts 1.9, in [0-9]+ ms; artifacts\/param-kernel\/analysis.json\)/ }
  assert log =~ /\[ERROR\] Failed to execute goal .*:analyze \(default-cli\) on project standalone-pom: Analysis Failed: Metric "scrape-rate" assessed Failed due to failed \(1\) > failureLimit \(0\); see artifacts\/param-kernel\/analysis.json/
  ItAssertions.assertContains(log, 'BUILD FAILURE')

  def json = new JsonSlurper().parse(new File(basedir, 'artifacts/param-kernel/analysis.json'))
  assert json.phase == 'Failed'
  assert json.message == 'Metric "scrape-rate" assessed Failed due to failed (1) > failureLimit (0)'
  assert json.metrics*.phase == ['Failed', 'Successful']
  assert json.metrics*.measurements*.size() == [1, 1]
} finally {
  InvokerPrometheus.stop(basedir)
  InvokerService.stop(basedir)
}
return true
