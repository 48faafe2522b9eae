import com.kitchencpq.paramkernel.it.ItAssertions

def sha = '0123456789abcdef0123456789abcdef01234567'
def log = ItAssertions.buildLog(basedir)
ItAssertions.assertContains(log, "[DEBUG] Tag ${sha} is the git HEAD commit (no GITHUB_SHA): asked once, without the paramkernel.resolve.visibilityRetry wait")
ItAssertions.assertContains(log, "[INFO] Resolved kitchen-cpq/param-kernel-service:${sha} -> sha256:")
ItAssertions.assertNotContains(log, 'falling back')
ItAssertions.assertGoldenFiles(basedir)
return true
