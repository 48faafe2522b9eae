package com.kitchencpq.paramkernel.plugin.validate.rules.condition;

import com.kitchencpq.paramkernel.plugin.expr.Type;
import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.rules.MetricConditions;

/**
 * A condition whose value is not a boolean: Argo reports {@code expected bool, but got ...} as an
 * Error.
 */
public final class NotBooleanRule extends ConditionRule {
  public NotBooleanRule() {
    super("condition.not-boolean", "Conditions must evaluate to true or false.");
  }

  @Override
  protected void check(MetricConditions.Metric m, MetricConditions.Condition c, FindingSink out) {
    if (c.parsed() && !c.types().type().maybe(Type.Kind.BOOL)) {
      out.error(
          c.node(),
          where(m, c)
              + " gives a "
              + c.types().type()
              + ", not a bool; Argo would fail every"
              + " measurement with 'expected bool, but got "
              + c.types().type()
              + "'; compare it, e.g. '"
              + c.text().strip()
              + " > 0'");
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.error(
            "ours", "a condition whose value is a number, string or list (`result[0] * 100`)")
        .why("Argo wants a bool: `expected bool, but got ...` is an Error")
        .fix("Compare the value: `result[0] * 100 < 5`.");
  }
}
