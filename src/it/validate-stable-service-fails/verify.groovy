import com.kitchencpq.paramkernel.it.ItAssertions

def log = ItAssertions.buildLog(basedir)
def lines = new File(basedir, 'target/old-design.yaml').readLines()
def stable = lines.findIndexOf { it.trim() == 'stableService: param-kernel-service' } + 1
def hundred = lines.findIndexOf { it.trim() == '- setWeight: 100' } + 1
assert stable > 0 && hundred > 0

// plan.services names the client Service; the general hazard adds the 100 % step and its line
ItAssertions.assertContains(log, "[ERROR] target/old-design.yaml:${stable}:22: error [hazard.stable-service-scaled-to-zero]"
    + " stableService 'param-kernel-service' of Rollout 'param-kernel-service' has no traffic router, and step 7"
    + " (setWeight: 100, line ${hundred}) is followed by 1 more step(s): Argo Rollouts pins this Service to the stable"
    + " ReplicaSet, which the basic canary scales to zero at weight 100, so the Service has no endpoints from that step"
    + " until the last step (8) ends and the update completes (argoproj/argo-rollouts#1760). Let clients call a Service"
    + " that selects every pod of the Rollout and is not named by it (drop stableService), or add"
    + " spec.strategy.canary.trafficRouting")
ItAssertions.assertContains(log, "[ERROR] target/old-design.yaml:${stable}:22: error [plan.services] stableService"
    + " 'param-kernel-service' of Rollout 'param-kernel-service' has no traffic router")
ItAssertions.assertContains(log, 'Validated 6 documents in 1 file: 2 errors, 0 warnings')
return true
