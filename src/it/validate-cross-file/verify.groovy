import com.kitchencpq.paramkernel.it.ItAssertions

def log = ItAssertions.buildLog(basedir)
ItAssertions.assertContains(log, 'Validated 4 documents in 2 files: no findings (plan checks off)')
ItAssertions.assertNotContains(log, 'analysis.template-missing')
return true
