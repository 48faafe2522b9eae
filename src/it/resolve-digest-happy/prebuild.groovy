import com.kitchencpq.paramkernel.testkit.InvokerRegistry

InvokerRegistry.start(basedir, ['0123456789abcdef0123456789abcdef01234567', 'latest'], [])
return true
