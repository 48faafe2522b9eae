import com.kitchencpq.paramkernel.it.ItAssertions
import com.kitchencpq.paramkernel.plugin.cluster.InvokerApiServer

try {
  def log = ItAssertions.buildLog(basedir)
  ItAssertions.assertContains(log, 'Refusing to deploy artifacts/param-kernel/rollout.yaml: artifacts/param-kernel/digest.json'
      + ' says its digest sha256:' + '6e' * 32 + ' came from a local image layout ("source": "local")')
  ItAssertions.assertContains(log, 'Refusing to deploy unpinned/rollout.yaml: every image must be pinned by digest')
  ItAssertions.assertContains(log, "unpinned/rollout.yaml:23:18: Rollout web spec.template.spec.containers[0].image is 'nginx:1.27', not pinned by digest")
  ItAssertions.assertNotContains(log, 'initContainers[0].image is')
  // Refused before connecting: the double saw no request at all.
  assert InvokerApiServer.requests(basedir).isEmpty()
} finally {
  InvokerApiServer.stop(basedir)
}
return true
