package com.kitchencpq.paramkernel.plugin.validate.rules.hazard;

import com.kitchencpq.paramkernel.plugin.expr.ConditionEvaluator;
import com.kitchencpq.paramkernel.plugin.expr.Exprs;
import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.rules.MetricConditions;
import com.kitchencpq.paramkernel.plugin.validate.rules.PerParsedMetricRule;
import java.util.Optional;

/**
 * A condition that does not read {@code result} has the same value for every measurement. A
 * failureCondition that is always false, or a successCondition that is always true with no working
 * failureCondition, means the metric can never fail (hazard). The opposite (always failing) is
 * reported as a warning.
 */
public final class ConstantConditionRule extends PerParsedMetricRule {
  public ConstantConditionRule() {
    super("hazard.constant-condition", "Conditions must depend on result.");
  }

  @Override
  protected void check(MetricConditions.Metric m, ValidationContext ctx, FindingSink out) {
    Optional<Boolean> success = m.success().flatMap(c -> constant(m, c));
    Optional<Boolean> failure = m.failure().flatMap(c -> constant(m, c));
    if (failure.isPresent() && !failure.get()) {
      out.hazard(
          m.failure().get().node(),
          "failureCondition of "
              + m.label()
              + " does not read result and is"
              + " always false, so the metric can never fail; compare result with a threshold");
    } else if (failure.isPresent()) {
      out.warning(
          m.failure().get().node(),
          "failureCondition of "
              + m.label()
              + " does not read result and is"
              + " always true, so every measurement fails; compare result with a threshold");
    }
    boolean failureWorks = m.failure().isPresent() && failure.isEmpty();
    if (success.isPresent() && success.get() && !failureWorks) {
      out.hazard(
          m.success().get().node(),
          "successCondition of "
              + m.label()
              + " does not read result and is"
              + " always true, so the metric can never fail; compare result with a threshold");
    } else if (success.isPresent() && !success.get()) {
      out.warning(
          m.success().get().node(),
          "successCondition of "
              + m.label()
              + " does not read result and is"
              + " always false, so no measurement can succeed; compare result with a threshold");
    }
  }

  private static Optional<Boolean> constant(
      MetricConditions.Metric m, MetricConditions.Condition c) {
    if (!c.clean()
        || Exprs.readsResult(c.expr())
        || Exprs.hasPlaceholder(c.expr())
        || Exprs.callsAny(c.expr(), "isNil", "default", "now", "date")) {
      return Optional.empty();
    }
    try {
      Object v = ConditionEvaluator.evaluate(c.expr(), null, m.engine());
      return v instanceof Boolean b ? Optional.of(b) : Optional.empty();
    } catch (ConditionEvaluator.RuntimeFailure | ConditionEvaluator.Unsupported e) {
      return Optional.empty();
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.hazard(
            "ours",
            "a condition that does not read `result`: failureCondition always false, "
                + "successCondition always true without a working failureCondition (hazard); "
                + "failureCondition always true or successCondition always false (warning)")
        .note("warning for always-failing")
        .why("the metric can never fail, or can never pass")
        .fix("Make the condition depend on `result`.");
  }
}
