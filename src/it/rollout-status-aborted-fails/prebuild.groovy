import com.kitchencpq.paramkernel.plugin.cluster.InvokerApiServer

// The shipped bundle applied; the controller's part starts once rollout-status has read the Rollout.
InvokerApiServer.start(basedir, 'aborted-by-analysis', true)
return true
