import com.kitchencpq.paramkernel.it.ItAssertions

def log = ItAssertions.buildLog(basedir)
ItAssertions.assertContains(log, 'Validated 4 documents in 1 file: no findings (plan checks off)')
ItAssertions.assertNotContains(log, '[WARNING] manifests/')
ItAssertions.assertNotContains(log, '[ERROR] manifests/')
return true
