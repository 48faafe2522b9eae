import com.kitchencpq.paramkernel.it.ItAssertions

def log = ItAssertions.buildLog(basedir)
ItAssertions.assertContains(log, 'param-kernel:help')
ItAssertions.assertContains(log, 'This plugin has')
return true
