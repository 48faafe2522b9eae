import com.kitchencpq.paramkernel.it.ItAssertions

def log = ItAssertions.buildLog(basedir)
ItAssertions.assertContains(log, 'Skipping param-kernel:render (paramkernel.render.skip=true)')
ItAssertions.assertNotExists(basedir, 'artifacts/param-kernel/rollout.yaml')
return true
