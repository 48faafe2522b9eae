package com.kitchencpq.paramkernel.plugin.validate.rules.hazard;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.rules.BaseRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.MetricConditions;

/** A rule that looks at one analysis metric at a time (with its parsed conditions). */
public abstract class MetricRule extends BaseRule {
  protected MetricRule(String id, String description) {
    super(id, description);
  }

  @Override
  public final void check(ValidationContext ctx, FindingSink out) {
    for (MetricConditions.Metric m : MetricConditions.of(ctx)) {
      check(m, ctx, out);
    }
  }

  protected abstract void check(MetricConditions.Metric metric, ValidationContext ctx, FindingSink out);
}
