import com.kitchencpq.paramkernel.it.ItAssertions

def log = ItAssertions.buildLog(basedir)
// every finding, in order, with the severity as the log level
def expected = [
  '[ERROR] rollout.yaml:6:13: error [rollout.non-negative] replicas is -1; it must be 0 or more',
  '[ERROR] rollout.yaml:13:9: error [rollout.selector-matches-labels] spec.selector.matchLabels app=shop does not match the pod template\'s labels; add that label to spec.template.metadata.labels',
  '[ERROR] rollout.yaml:15:22: error [pod.restart-policy] restartPolicy \'Never\' is not supported for a Rollout\'s pods; use Always or remove the field',
  '[ERROR] rollout.yaml:17:17: error [pod.container-name] container name \'Shop_App\' must be at most 63 lower-case letters, digits or \'-\', starting and ending with a letter or digit',
  '[WARNING] rollout.yaml:18:18: warning [pod.image-pinned] image \'registry.example/shop:1.4\' is not pinned by digest; refer to it as <repository>@sha256:<digest> so every pod of the rollout runs the same build',
  '[WARNING] rollout.yaml:21:22: warning [ref.service-missing] Service \'shop\' is not defined in the validated files; add it to the bundle (or ignore this if it is managed elsewhere)',
  '[ERROR] rollout.yaml:22:22: error [canary.services-distinct] canaryService and stableService are both \'shop\'; the canary needs a Service of its own',
  '[WARNING] rollout.yaml:22:22: warning [ref.service-missing] Service \'shop\' is not defined in the validated files; add it to the bundle (or ignore this if it is managed elsewhere)',
  '[ERROR] rollout.yaml:23:17: error [canary.surge-unavailable] maxSurge and maxUnavailable are both 0, so no pod could ever be replaced; raise one of them',
  '[ERROR] rollout.yaml:25:7: error [schema.unknown-field] unknown field \'stepz\' in \'canary\'; did you mean \'steps\'?',
  '[ERROR] rollout.yaml:27:22: error [schema.type] \'setWeight\' must be an integer, not the string "20"; write the number without quotes',
  '[ERROR] rollout.yaml:28:22: error [canary.setweight-range] setWeight 120 is outside 0..100; use a weight in that range',
  '[ERROR] rollout.yaml:29:29: error [canary.pause-duration] pause duration \'1d\' is not a duration (time: unknown unit "d" in duration "1d"); write seconds (60) or a duration with units s, m or h (90s, 5m, 1h30m)',
  '[ERROR] rollout.yaml:30:11: error [canary.step-kind] this step sets setWeight and pause; split it into one step per action',
  '[ERROR] rollout.yaml:32:11: error [canary.step-kind] this step does nothing; give it one of setWeight, pause, experiment, analysis, setCanaryScale, setHeaderRoute, setMirrorRoute or plugin',
  '[ERROR] rollout.yaml:33:11: error [canary.set-canary-scale] setCanaryScale needs spec.strategy.canary.trafficRouting; configure a traffic router or remove the step',
]
ItAssertions.assertContainsInOrder(log, expected)
ItAssertions.assertContains(log, 'Validated 1 document in 1 file: 13 errors, 3 warnings (plan checks off)')
ItAssertions.assertContains(log, 'validate found 13 errors (and 3 warnings); see the lines above')
return true
