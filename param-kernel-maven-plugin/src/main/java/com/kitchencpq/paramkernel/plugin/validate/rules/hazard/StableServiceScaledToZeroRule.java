package com.kitchencpq.paramkernel.plugin.validate.rules.hazard;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.model.RolloutView;
import com.kitchencpq.paramkernel.plugin.validate.rules.PerRolloutRule;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;
import java.util.List;
import java.util.OptionalLong;

/**
 * Hazard: a canary Rollout with a {@code stableService}, no {@code trafficRouting}, and a {@code
 * setWeight: 100} step that further steps follow. The stable Service then has no endpoints from
 * that step until the update completes.
 *
 * <p>Why, from the Argo Rollouts source (v1.7.2, v1.8.3, v1.9.1, v1.10.0-rc1 alike): {@code
 * rollout/service.go}, {@code reconcileStableAndCanaryService}, runs on every canary reconcile,
 * router or not, and points the {@code stableService} selector at the stable ReplicaSet's
 * pod-template hash ({@code ensureSVCTargets(StableService, c.stableRS, ...)}). The stable
 * ReplicaSet only changes when the last step is done. Without a router the weight becomes replica
 * counts ({@code utils/replicaset/canary.go}, {@code CalculateReplicaCountsForBasicCanary} calling
 * {@code approximateWeightedCanaryStableReplicaCounts}): at the maximum weight (100) every replica
 * is a canary and the stable ReplicaSet's desired count is 0. So from the 100 % step until the
 * update completes (or a later step lowers the weight) the Service selects a ReplicaSet with no
 * pods. Upstream tracks it as argoproj/argo-rollouts#1760 and accepts the configuration; neither
 * the controller nor {@code kubectl argo rollouts lint} says anything.
 */
public final class StableServiceScaledToZeroRule extends PerRolloutRule {
  public StableServiceScaledToZeroRule() {
    super(
        "hazard.stable-service-scaled-to-zero",
        "Without a traffic router, the stableService has no endpoints after a setWeight 100 step.");
  }

  @Override
  protected void check(RolloutView r, ValidationContext ctx, FindingSink out) {
    if (!r.isCanary() || r.trafficRouting().isPresent()) {
      return;
    }
    YamlNode stable = r.canary().get("stableService");
    if (!stable.isScalar() || stable.text("").isBlank()) {
      return;
    }
    List<YamlNode> steps = r.steps();
    for (int i = 0; i < steps.size(); i++) {
      OptionalLong weight = weight(steps.get(i));
      if (weight.isEmpty() || weight.getAsLong() != 100) {
        continue; // above 100 is upstream's own error (canary.setweight-range)
      }
      int until = steps.size();
      for (int j = i + 1; j < steps.size(); j++) {
        OptionalLong w = weight(steps.get(j));
        if (w.isPresent() && w.getAsLong() < 100) {
          until = j;
          break;
        }
      }
      if (until == i + 1) {
        continue; // the very next step lowers the weight again: no step runs at 100 %
      }
      YamlNode hundred = steps.get(i).get("setWeight");
      String window =
          until == steps.size()
              ? "until the last step (" + (steps.size()) + ") ends and the update completes"
              : "until step " + (until + 1) + " lowers the weight again";
      out.hazard(
          stable,
          "stableService '"
              + stable.text()
              + "' of Rollout '"
              + r.name()
              + "' has no traffic router,"
              + " and step "
              + (i + 1)
              + " (setWeight: 100, line "
              + hundred.line()
              + ") is followed by "
              + (until - i - 1)
              + " more step(s): Argo Rollouts pins this Service to the stable ReplicaSet, which the"
              + " basic canary scales to zero at weight 100, so the Service has no endpoints from"
              + " that step "
              + window
              + " (argoproj/argo-rollouts#1760). Let clients call a Service that selects every pod"
              + " of the Rollout and is not named by it (drop stableService), or add"
              + " spec.strategy.canary.trafficRouting");
      return;
    }
  }

  private static OptionalLong weight(YamlNode step) {
    YamlNode w = step.get("setWeight");
    return w.isScalar() ? w.intOrStringValue() : OptionalLong.empty();
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.hazard(
            "ours (argoproj/argo-rollouts#1760)",
            "a canary Rollout with `stableService`, no `trafficRouting`, and a `setWeight: 100`"
                + " step followed by further steps (a pause, an analysis, anything); reported at"
                + " `stableService`, naming the Service and the line of the 100 % step")
        .why(
            "Argo pins the stableService to the stable ReplicaSet on every reconcile"
                + " (rollout/service.go, reconcileStableAndCanaryService), and without a router"
                + " weight 100 scales that ReplicaSet to zero (utils/replicaset/canary.go,"
                + " approximateWeightedCanaryStableReplicaCounts): the Service has no endpoints"
                + " until the last step ends. Upstream accepts the configuration")
        .fix(
            "Let clients call a Service that selects every pod of the Rollout and that the "
                + "Rollout does not name (drop `stableService`), or add a traffic router "
                + "(`spec.strategy.canary.trafficRouting`).");
  }
}
