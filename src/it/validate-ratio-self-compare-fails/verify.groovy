import com.kitchencpq.paramkernel.it.ItAssertions

def log = ItAssertions.buildLog(basedir)
def lines = new File(basedir, 'target/self-compare.yaml').readLines()
def latest = lines.findIndexValues { it.trim() == 'podTemplateHashValue: Latest' }.collect { it + 1 }
// each analysis step passes latest-hash, then the mangled stable-hash: the second of each pair
assert latest.size() == 4
def f = 'target/self-compare.yaml'

// both analysis steps, each by the general hazard and by the plan rule, at the mangled line
ItAssertions.assertContainsInOrder(log, [
  "[ERROR] ${f}:${latest[1]}:41: error [hazard.analysis-hash-sides] query of metric 'latency-p95-vs-stable' of"
      + " AnalysisTemplate 'param-kernel-canary-health' compares the pods of args.latest-hash and args.stable-hash,"
      + " but Rollout 'param-kernel-service' fills all of them with podTemplateHashValue: Latest",
  "[ERROR] ${f}:${latest[1]}:41: error [plan.latency-ratio-args] analysis step 3 of Rollout 'param-kernel-service'"
      + " fills arg 'stable-hash' with podTemplateHashValue: Latest",
  "[ERROR] ${f}:${latest[3]}:41: error [hazard.analysis-hash-sides]",
  "[ERROR] ${f}:${latest[3]}:41: error [plan.latency-ratio-args] analysis step 6 of Rollout 'param-kernel-service'",
].collect { it.toString() })
ItAssertions.assertContains(log, 'the ratio would be 1 whatever the canary does')
ItAssertions.assertContains(log, 'Validated 6 documents in 1 file: 4 errors, 0 warnings')
return true
