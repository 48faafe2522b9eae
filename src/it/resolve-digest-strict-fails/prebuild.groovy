import com.kitchencpq.paramkernel.testkit.InvokerRegistry

InvokerRegistry.start(basedir, ['latest'], ['-Dparamkernel.resolve.visibilityRetry=1s'])
// A digest.json from an earlier run must not survive a failed resolution.
def stale = new File(basedir, 'artifacts/param-kernel/digest.json')
stale.parentFile.mkdirs()
stale.text = '{"digest":"sha256:' + '0' * 64 + '"}\n'
return true
