import com.kitchencpq.paramkernel.it.ItAssertions

def log = ItAssertions.buildLog(basedir)
ItAssertions.assertContains(log, 'Skipping param-kernel:resolve-digest (paramkernel.skip=true)')
ItAssertions.assertNotContains(log, 'Resolved ')
ItAssertions.assertNotExists(basedir, 'artifacts/param-kernel/digest.json')
return true
