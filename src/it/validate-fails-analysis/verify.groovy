import com.kitchencpq.paramkernel.it.ItAssertions

def log = ItAssertions.buildLog(basedir)
// every finding, in order, with the severity as the log level
def expected = [
  '[ERROR] bundle.yaml:23:15: error [analysis.arg-unresolved] args.service of template \'latency\' is not resolved; pass it in the args of the analysis of step 1 or give it a value in the template',
  '[ERROR] bundle.yaml:23:15: error [analysis.runs-indefinitely] metric \'p99\' of template \'latency\' has an interval but no count, so the analysis of step 1 would never finish; set count on the metric',
  '[ERROR] bundle.yaml:24:31: error [analysis.template-missing] AnalysisTemplate \'not-there\' is not defined in the validated files; add it to the bundle or fix the templateName',
  '[ERROR] bundle.yaml:27:15: error [analysis.runs-indefinitely] metric \'p99\' of template \'latency\' has an interval but no count, so the analysis of step 2 would never finish; set count on the metric',
  '[WARNING] bundle.yaml:31:23: warning [analysis.unused-arg] arg \'servce\' is not declared by any template of the analysis of step 2, so it is ignored; fix the name or remove it',
  '[ERROR] bundle.yaml:42:19: error [metric.rule-matches-metric] dryRun metricName \'error-rate\' matches none of the metrics (p99, hits); fix the name or the pattern',
  '[ERROR] bundle.yaml:45:17: error [metric.interval] interval \'5 minutes\' is not a Go duration (time: unknown unit " minutes" in duration "5 minutes"); use units ms, s, m or h, e.g. 30s, 5m or 1h30m',
  '[ERROR] bundle.yaml:46:21: error [metric.limits] failureLimit is -2; it must be 0 or more, or -1 to disable it',
  '[WARNING] bundle.yaml:47:25: warning [hazard.unguarded-index] successCondition of metric \'p99\' of AnalysisTemplate \'latency\' indexes result without checking its length',
  '[ERROR] bundle.yaml:50:20: error [provider.prometheus] Prometheus address \'prometheus:9090\' is not a URL; write it with scheme and host, e.g. http://prometheus.monitoring:9090',
  '[ERROR] bundle.yaml:51:18: error [analysis.undeclared-arg-tag] {{args.pod}} uses arg \'pod\', which template \'latency\' does not declare; add it to spec.args',
  '[WARNING] bundle.yaml:51:18: warning [hazard.unaggregated-vector] query of metric \'p99\' of AnalysisTemplate \'latency\' can return several series',
  '[ERROR] bundle.yaml:53:14: error [metric.interval] metric \'hits\' has count 3 but no interval; set interval (e.g. 1m) between the measurements',
  '[ERROR] bundle.yaml:55:9: error [metric.provider] metric \'hits\' has several providers (prometheus, web); keep one, or split it into several metrics',
]
ItAssertions.assertContainsInOrder(log, expected)
ItAssertions.assertContains(log, 'Validated 2 documents in 1 file: 11 errors, 3 warnings (plan checks off)')
ItAssertions.assertContains(log, 'validate found 11 errors (and 3 warnings); see the lines above')
return true
