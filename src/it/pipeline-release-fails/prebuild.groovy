import com.kitchencpq.paramkernel.testkit.InvokerRegistry

// Only `latest` exists: the commit's image was never pushed, and a release must not use latest.
InvokerRegistry.start(basedir, ['latest'], [])
return true
