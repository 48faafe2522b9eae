import com.kitchencpq.paramkernel.testkit.InvokerRegistry

// Only latest exists; a short visibility window keeps the case fast.
InvokerRegistry.start(basedir, ['latest'], ['-Dparamkernel.resolve.visibilityRetry=1s'])
return true
