import com.kitchencpq.paramkernel.it.ItAssertions
import com.kitchencpq.paramkernel.plugin.cluster.InvokerApiServer
import groovy.json.JsonSlurper

try {
  def log = ItAssertions.buildLog(basedir)
  def url = InvokerApiServer.state(basedir).getProperty('url')
  def image = 'kitchen-cpq/param-kernel-service@sha256:' + '9e' * 32
  ItAssertions.assertContainsInOrder(log, [
      "[INFO] rollout 'param-kernel-service' promoted (namespace kitchen-cpq, ${url})".toString(),
      "[INFO] rollout 'param-kernel-service' aborted (namespace kitchen-cpq, ${url})".toString(),
      "[INFO] rollout 'param-kernel-service' retried (namespace kitchen-cpq, ${url})".toString(),
      "[INFO] rollout \"param-kernel-service\" image updated: ${image} (namespace kitchen-cpq, ${url})".toString(),
      "[INFO] rollout 'param-kernel-service' fully promoted (namespace kitchen-cpq, ${url})".toString()])

  // The writes of the goals (bearer-token: the case's kubeconfig), with their bodies, in order.
  def lines = InvokerApiServer.requests(basedir).readLines()
  def writes = []
  lines.eachWithIndex { line, i ->
    if (line.endsWith(' bearer-token') && !line.startsWith('GET ')) {
      def parts = line.split(' ')
      writes << [parts[0], parts[1].replaceFirst(/\?.*/, ''), parts[2], lines[i + 1].trim()]
    }
  }
  def path = '/apis/argoproj.io/v1alpha1/namespaces/kitchen-cpq/rollouts/param-kernel-service'
  assert writes.size() == 5 : writes.join('\n')
  // promote.go getPatches, Inconclusive pause: pause conditions and controllerPause cleared, next step.
  assert writes[0] == ['PATCH', path + '/status', 'application/merge-patch+json',
      '{"status":{"pauseConditions":null, "controllerPause":false, "currentStepIndex":3}}']
  assert writes[1] == ['PATCH', path + '/status', 'application/merge-patch+json', '{"status":{"abort":true}}']
  assert writes[2] == ['PATCH', path + '/status', 'application/merge-patch+json', '{"status":{"abort":false}}']
  assert writes[3][0] == 'PUT' && writes[3][1] == path
  assert new JsonSlurper().parseText(writes[3][3]).spec.template.spec.containers[0].image == image
  assert writes[4] == ['PATCH', path + '/status', 'application/merge-patch+json', '{"status":{"promoteFull":true}}']

  def rollout = new JsonSlurper().parseText(InvokerApiServer.stored(basedir, path))
  assert rollout.status.currentStepIndex == 3
  assert rollout.status.controllerPause == false
  assert !rollout.status.containsKey('pauseConditions')
  assert rollout.status.abort == false
  assert rollout.status.promoteFull == true
  assert rollout.spec.template.spec.containers[0].image == image
  assert rollout.metadata.generation == 2
} finally {
  InvokerApiServer.stop(basedir)
}
return true
