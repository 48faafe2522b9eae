import com.kitchencpq.paramkernel.plugin.cluster.InvokerApiServer

// The shipped bundle applied, the controller's part played up to the Inconclusive pause.
InvokerApiServer.start(basedir, 'paused-inconclusive', true, false)
return true
