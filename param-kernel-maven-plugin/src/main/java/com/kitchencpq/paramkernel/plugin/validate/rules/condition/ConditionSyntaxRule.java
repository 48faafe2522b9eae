package com.kitchencpq.paramkernel.plugin.validate.rules.condition;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;

/**
 * A condition that expr-lang cannot compile. Argo only finds out when it evaluates it: every
 * measurement becomes Error, and after consecutiveErrorLimit errors the rollout is aborted.
 */
public final class ConditionSyntaxRule extends ConditionRule {
  public ConditionSyntaxRule() {
    super("condition.syntax", "successCondition and failureCondition must be valid expressions.");
  }

  @Override
  protected void check(MetricConditions.Metric m, MetricConditions.Condition c, FindingSink out) {
    if (c.syntaxError() != null) {
      out.error(c.node(), where(m, c) + " does not parse: " + c.syntaxError().getMessage()
          + at(c.syntaxError().offset()) + "; Argo would fail every measurement with Error and then abort the"
          + " rollout");
    }
  }
}
