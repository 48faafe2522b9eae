import com.kitchencpq.paramkernel.testkit.InvokerRegistry

// Only latest: the fallback also shows the ::warning:: annotation.
InvokerRegistry.start(basedir, ['latest'], ['-Dparamkernel.resolve.visibilityRetry=0'])
return true
