import com.kitchencpq.paramkernel.testkit.InvokerRegistry

InvokerRegistry.startWithBasicAuth(basedir, 'ciuser', 'Right-Pa55-invoker',
    ['0123456789abcdef0123456789abcdef01234567', 'latest'], [])
return true
