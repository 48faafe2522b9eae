package com.kitchencpq.paramkernel.plugin.validate.rules;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.model.RolloutView;

/** A rule that looks at one Rollout at a time. */
public abstract class PerRolloutRule extends BaseRule {
  protected PerRolloutRule(String id, String description) {
    super(id, description);
  }

  @Override
  public final void check(ValidationContext ctx, FindingSink out) {
    for (RolloutView r : ctx.rollouts()) {
      check(r, ctx, out);
    }
  }

  protected abstract void check(RolloutView rollout, ValidationContext ctx, FindingSink out);
}
