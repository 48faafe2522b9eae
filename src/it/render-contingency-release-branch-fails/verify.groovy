import com.kitchencpq.paramkernel.it.ItAssertions

def log = ItAssertions.buildLog(basedir)
ItAssertions.assertContains(log, 'BUILD FAILURE')
ItAssertions.assertContains(log, 'paramkernel.contingency.p95Failure, paramkernel.contingency.reason and'
    + ' paramkernel.contingency.until are refused in strict mode (release branch release/1.0)')
ItAssertions.assertNotContains(log, 'CONTINGENCY:')
ItAssertions.assertNotContains(log, 'Wrote artifacts/param-kernel/rollout.yaml')
// the earlier render is gone: nothing a later step could apply
ItAssertions.assertNotExists(basedir, 'artifacts/param-kernel/rollout.yaml')
ItAssertions.assertContains(log, 'removed the earlier artifacts/param-kernel/rollout.yaml')
return true
