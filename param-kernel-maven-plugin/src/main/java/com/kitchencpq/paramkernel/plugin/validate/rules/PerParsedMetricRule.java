package com.kitchencpq.paramkernel.plugin.validate.rules;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;

/** A rule that looks at one analysis metric at a time (with its parsed conditions). */
public abstract class PerParsedMetricRule extends BaseRule {
  protected PerParsedMetricRule(String id, String description) {
    super(id, description);
  }

  @Override
  public final void check(ValidationContext ctx, FindingSink out) {
    for (MetricConditions.Metric m : MetricConditions.of(ctx)) {
      check(m, ctx, out);
    }
  }

  protected abstract void check(
      MetricConditions.Metric metric, ValidationContext ctx, FindingSink out);
}
