import com.kitchencpq.paramkernel.testkit.InvokerRegistry

// Only `latest` exists: the commit's image was never pushed.
InvokerRegistry.start(basedir, ['latest'], [])
return true
