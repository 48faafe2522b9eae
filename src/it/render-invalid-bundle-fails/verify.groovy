import com.kitchencpq.paramkernel.it.ItAssertions

def log = ItAssertions.buildLog(basedir)
ItAssertions.assertContains(log, 'nothing was written')
ItAssertions.assertContains(log, 'rollout-template.yaml:18:')
ItAssertions.assertContains(log, '[canary.setweight-range]')
// the annotation starts its own stdout line, so GitHub reads it
ItAssertions.assertContains(log, '\n::error file=rollout-template.yaml,line=18,')
ItAssertions.assertContains(log, 'title=canary.setweight-range::')
ItAssertions.assertNotExists(basedir, 'artifacts/param-kernel/rollout.yaml')
return true
