import com.kitchencpq.paramkernel.it.ItAssertions

def log = ItAssertions.buildLog(basedir)
ItAssertions.assertContains(log, 'paramkernel.validate.files names manifests/nope.yaml, which does not exist')
ItAssertions.assertContains(log, '[ERROR] Failed to execute goal')
return true
