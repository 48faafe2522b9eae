import com.kitchencpq.paramkernel.it.ItAssertions

def log = ItAssertions.buildLog(basedir)
ItAssertions.assertContains(log, 'rollout-template.yaml:9:')
ItAssertions.assertContains(log, 'not valid YAML')
ItAssertions.assertNotExists(basedir, 'artifacts/param-kernel/rollout.yaml')
return true
