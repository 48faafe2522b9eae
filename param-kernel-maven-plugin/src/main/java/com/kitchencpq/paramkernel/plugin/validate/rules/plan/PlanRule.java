package com.kitchencpq.paramkernel.plugin.validate.rules.plan;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.model.RolloutView;
import com.kitchencpq.paramkernel.plugin.validate.rules.BaseRule;

/**
 * A check of the param-kernel rollout plan: runs only with the plan checks on, once for each
 * Rollout named as the plan's (in the plan's namespace or without a namespace).
 */
public abstract class PlanRule extends BaseRule {
  protected final RolloutPlan plan;

  protected PlanRule(String id, String description) {
    this(id, description, RolloutPlan.PARAM_KERNEL);
  }

  protected PlanRule(String id, String description, RolloutPlan plan) {
    super(id, description);
    this.plan = plan;
  }

  @Override
  public final void check(ValidationContext ctx, FindingSink out) {
    if (!ctx.planChecks()) {
      return;
    }
    for (RolloutView r : ctx.rollouts()) {
      if (isPlanRollout(r, plan)) {
        check(r, ctx, out);
      }
    }
  }

  static boolean isPlanRollout(RolloutView r, RolloutPlan plan) {
    return r.name().equals(plan.rolloutName());
  }

  protected abstract void check(RolloutView rollout, ValidationContext ctx, FindingSink out);
}
