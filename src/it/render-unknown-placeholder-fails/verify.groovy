import com.kitchencpq.paramkernel.it.ItAssertions

def log = ItAssertions.buildLog(basedir)
ItAssertions.assertContains(log, 'rollout-template.yaml:6:25: unknown placeholder ${GITHUB_SHA}')
ItAssertions.assertContains(log, 'removed the earlier artifacts/param-kernel/rollout.yaml')
ItAssertions.assertNotContains(log, 'Wrote ')
ItAssertions.assertNotExists(basedir, 'artifacts/param-kernel/rollout.yaml')
return true
