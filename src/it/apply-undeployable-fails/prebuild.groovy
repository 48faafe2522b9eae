import com.kitchencpq.paramkernel.plugin.cluster.InvokerApiServer

InvokerApiServer.start(basedir, 'none', false)
return true
