import com.kitchencpq.paramkernel.it.InvokerService

InvokerService.start(basedir, serviceClasspath, [])
return true
