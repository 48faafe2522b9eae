import com.kitchencpq.paramkernel.it.ItAssertions

def log = ItAssertions.buildLog(basedir)
def lines = new File(basedir, 'target/no-evidence.yaml').readLines()
def at = { String text -> def i = lines.findIndexOf { it.trim() == text }; assert i >= 0 : text; i + 1 }
def queries = lines.findIndexValues { it.trim() == 'query: |' }.collect { it + 1 }
def errorRate = queries[0]
def p95 = queries[1]
def f = 'target/no-evidence.yaml'

// one finding per mistake, sorted by line, each saying what happens and what to change
ItAssertions.assertContainsInOrder(log, [
  "[ERROR] ${f}:${at('- port: metrics')}:13: error [hazard.monitor-port-unknown] ServiceMonitor 'param-kernel-service'"
      + " scrapes port 'metrics', which none of the Services it selects ('param-kernel-service',"
      + " 'param-kernel-service-canary') has (named ports: http), so this endpoint scrapes nothing; use the name of the"
      + " Service port that serves /metrics",
  "[ERROR] ${f}:${at('failureCondition: first(result) > 0.03')}:25: error [hazard.empty-result-error] failureCondition"
      + " of metric 'error-rate' of AnalysisTemplate 'param-kernel-canary-health' fails to evaluate when the query"
      + " matches no series (invalid operation: <nil> > float64 with github.com/antonmedv/expr v1.15.5",
  "[ERROR] ${f}:${errorRate}:18: error [hazard.query-counts-probes] query of metric 'error-rate' of AnalysisTemplate"
      + " 'param-kernel-canary-health' reads http_requests_total without a route filter",
  "[ERROR] ${f}:${errorRate}:18: error [hazard.rate-window-too-short] query of metric 'error-rate' of AnalysisTemplate"
      + " 'param-kernel-canary-health' takes rate over [1m], but ServiceMonitor 'param-kernel-service'",
  "[ERROR] ${f}:${p95}:18: error [hazard.query-fallback-passes] query of metric 'latency-p95' of AnalysisTemplate"
      + " 'param-kernel-canary-health' returns 0 when it matches no series at all",
  "[ERROR] ${f}:${at('value: param-kernel-service')}:24: error [hazard.analysis-wrong-service] the queries of metrics"
      + " 'error-rate', 'latency-p95' (AnalysisTemplate 'param-kernel-canary-health') select"
      + " service=\"param-kernel-service\" through args.service-name (set by the Rollout's analysis), which is not the"
      + " canaryService of Rollout 'param-kernel-service'",
  "[ERROR] ${f}:${at('- metricName: .*')}:17: error [hazard.all-metrics-dry-run] every metric that judges the canary"
      + " in the analysis of step 6 of Rollout 'param-kernel-service' is dry-run (error-rate, latency-p95, latency-p95-vs-stable)",
].collect { it.toString() })
ItAssertions.assertContains(log, 'scrapes those pods every 45s: a window shorter than two scrapes sometimes holds a'
    + ' single sample, rate needs two, and those measurements have no data; use a range of at least 1m30s')
ItAssertions.assertContains(log, 'add route="/v1/apply-delta" to the selector')
ItAssertions.assertContains(log, "select 'param-kernel-service-canary' instead")
ItAssertions.assertContains(log, 'Validated 6 documents in 1 file: 9 errors, 0 warnings')
return true
