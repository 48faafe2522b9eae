package com.kitchencpq.paramkernel.plugin.validate.rules.condition;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.rules.BaseRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.MetricConditions;

/** A rule that looks at one success or failure condition at a time. */
public abstract class ConditionRule extends BaseRule {
  protected ConditionRule(String id, String description) {
    super(id, description);
  }

  @Override
  public final void check(ValidationContext ctx, FindingSink out) {
    for (MetricConditions.Metric m : MetricConditions.of(ctx)) {
      for (MetricConditions.Condition c : m.conditions()) {
        check(m, c, out);
      }
    }
  }

  protected abstract void check(
      MetricConditions.Metric metric, MetricConditions.Condition condition, FindingSink out);

  /** {@code successCondition of metric 'x'} for messages. */
  protected static String where(MetricConditions.Metric m, MetricConditions.Condition c) {
    return c.field() + " of " + m.label();
  }

  /** Where in the condition text a problem is, 1-based, for messages. */
  protected static String at(int offset) {
    return " (character " + (offset + 1) + ")";
  }
}
