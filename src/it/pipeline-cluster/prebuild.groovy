import com.kitchencpq.paramkernel.plugin.cluster.InvokerApiServer

// What the job downloads: the bundle the deploy job rendered and validated, with its digest.json.
InvokerApiServer.writeBundle(basedir, 'registry')
// An empty cluster whose controller plays a rollout that completes once apply created the Rollout.
InvokerApiServer.start(basedir, 'completes', false)
return true
