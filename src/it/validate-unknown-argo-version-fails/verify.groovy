import com.kitchencpq.paramkernel.it.ItAssertions

def log = ItAssertions.buildLog(basedir)
ItAssertions.assertContains(log, 'paramkernel.validate.argoVersion=1.6 is not an Argo Rollouts version the checks know;'
    + ' use one of 1.7, 1.8, 1.9 (default), 1.10 (release candidate v1.10.0-rc1)')
ItAssertions.assertNotContains(log, 'Validated ')
return true
