import com.kitchencpq.paramkernel.it.ItAssertions

def log = ItAssertions.buildLog(basedir)
// every finding, in order, with the severity as the log level
def expected = [
  '[WARNING] bundle.yaml:41:18: warning [pod.image-pinned] image \'registry.example/demo:2.0\' is not pinned by digest; refer to it as <repository>@sha256:<digest> so every pod of the rollout runs the same build',
  '[ERROR] bundle.yaml:62:22: error [canary.setweight-range] setWeight 150 is outside 0..100; use a weight in that range',
]
ItAssertions.assertContainsInOrder(log, expected)
ItAssertions.assertContains(log, 'Validated 4 documents in 1 file: 1 error, 1 warning (plan checks off)')
ItAssertions.assertContains(log, 'validate found 1 error (and 1 warning); see the lines above')
ItAssertions.assertContains(log, 'Wrote artifacts/param-kernel/validate.sarif')
ItAssertions.assertGoldenFiles(basedir)
return true
