package com.kitchencpq.paramkernel.plugin.validate.rules.plan;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.model.RolloutView;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;

/**
 * The plan's Rollout defaults to one replica. The plan allows scaling up for finer traffic splits,
 * so another count is only a warning (a reminder that the manifest differs from the plan's
 * default), never an error.
 */
public final class ReplicasRule extends PlanRule {
  public ReplicasRule() {
    super(
        "plan.replicas",
        "The plan's Rollout defaults to its planned replica count (warning only).");
  }

  @Override
  protected void check(RolloutView r, ValidationContext ctx, FindingSink out) {
    YamlNode replicas = r.spec().get("replicas");
    if (replicas.isPresent()
        && replicas.longValue().isPresent()
        && replicas.longValue().getAsLong() != plan.replicas()) {
      out.warning(
          replicas,
          "Rollout '"
              + r.name()
              + "' has replicas: "
              + replicas.text()
              + "; the plan's default"
              + " is "
              + plan.replicas()
              + " (scaling up is allowed for finer traffic splits)");
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.plan(
            "`replicas` other than the plan's default of 1 (the plan allows scaling "
                + "up for finer traffic splits, so this never fails the build)")
        .note("a warning")
        .fix("Leave `replicas` at 1, or accept the warning when scaling up on purpose.");
  }
}
