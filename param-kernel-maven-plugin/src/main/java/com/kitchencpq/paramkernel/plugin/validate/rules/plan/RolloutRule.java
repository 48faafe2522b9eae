package com.kitchencpq.paramkernel.plugin.validate.rules.plan;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.Severity;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.model.RolloutView;
import com.kitchencpq.paramkernel.plugin.validate.rules.BaseRule;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;

/**
 * With the plan checks on, the validated files must contain the plan's Rollout, in the plan's
 * namespace (or without a namespace, to be applied with {@code -n}).
 */
public final class RolloutRule extends BaseRule {
  private final RolloutPlan plan = RolloutPlan.PARAM_KERNEL;

  public RolloutRule() {
    super("plan.rollout", "The plan's Rollout must be present, in the plan's namespace.");
  }

  @Override
  public void check(ValidationContext ctx, FindingSink out) {
    if (!ctx.planChecks()) {
      return;
    }
    boolean found = false;
    for (RolloutView r : ctx.rollouts()) {
      if (!PlanRule.isPlanRollout(r, plan)) {
        continue;
      }
      found = true;
      YamlNode ns = r.manifest().root().at("metadata", "namespace");
      if (!r.manifest().namespace().isEmpty()
          && !r.manifest().namespace().equals(plan.namespace())) {
        out.error(
            ns,
            "Rollout '"
                + r.name()
                + "' is in namespace '"
                + r.manifest().namespace()
                + "'; the plan runs it in namespace '"
                + plan.namespace()
                + "'");
      }
    }
    if (!found && !ctx.files().isEmpty()) {
      String where =
          ctx.rollouts().isEmpty()
              ? ctx.files().get(0).file()
              : ctx.rollouts().get(0).manifest().file();
      int line = ctx.rollouts().isEmpty() ? 1 : ctx.rollouts().get(0).manifest().root().line();
      out.report(
          Severity.ERROR,
          where,
          line,
          1,
          "",
          "no Rollout named '"
              + plan.rolloutName()
              + "' in the validated files, so the rollout plan cannot be checked; validate the"
              + " rendered rollout, or turn the plan checks off (-Dparamkernel.validate.plan=false)"
              + " for other manifests");
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.plan(
            "a Rollout named `param-kernel-service` is in the validated files, in "
                + "namespace `kitchen-cpq` (or without a namespace)")
        .fix(
            "Validate the Rollout `param-kernel-service`, in namespace `kitchen-cpq` or without "
                + "a namespace.");
  }
}
