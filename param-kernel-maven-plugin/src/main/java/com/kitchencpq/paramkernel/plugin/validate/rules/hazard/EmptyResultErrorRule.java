package com.kitchencpq.paramkernel.plugin.validate.rules.hazard;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.rules.MetricConditions;
import com.kitchencpq.paramkernel.plugin.validate.rules.MetricLimits;
import com.kitchencpq.paramkernel.plugin.validate.rules.PerParsedMetricRule;

/**
 * Hazard: a condition on a Prometheus vector that errors, rather than deciding, when the query
 * matches no series, for a reason other than {@code result[0]} (that one is {@code
 * hazard.unguarded-index}): {@code first(result)}, {@code last(result)} and, with expr 1.17, {@code
 * max(result)}/{@code min(result)} of an empty list are nil, and comparing nil with a number is a
 * run-time error in expr ({@code runtime.Less}: "invalid operation: <nil> < float64"). Every such
 * measurement is an Error; consecutiveErrorLimit + 1 of them in a row abort the rollout for a
 * reason that has nothing to do with the canary.
 */
public final class EmptyResultErrorRule extends PerParsedMetricRule {
  public EmptyResultErrorRule() {
    super(
        "hazard.empty-result-error",
        "Conditions on a Prometheus vector must not error on an empty result (first/last/max/min of"
            + " []).");
  }

  @Override
  protected void check(MetricConditions.Metric m, ValidationContext ctx, FindingSink out) {
    if (!m.isPrometheus() || !m.shape().isList()) {
      return;
    }
    for (MetricConditions.Condition c : m.conditions()) {
      Measurement.Value v = Measurement.evaluate(m, c, Measurement.EMPTY);
      if (v.failure().isPresent() && !v.failure().get().indexOutOfRange()) {
        long errors = MetricLimits.consecutiveErrorLimit(m.view()) + 1;
        out.hazard(
            c.node(),
            c.field()
                + " of "
                + m.label()
                + " fails to evaluate when the query matches no series ("
                + v.failure().get().getMessage()
                + " with "
                + m.engine().label()
                + ": first, last, max and min of an"
                + " empty list are nil), so the measurement is an Error and "
                + errors
                + " errors in a row abort the"
                + " rollout; guard it with 'len(result) > 0 && ...'");
      }
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.hazard(
            "ours",
            "a condition on a Prometheus vector that errors for `[]` other than by indexing:"
                + " `first(result) < 0.01`, `last(result)`, and with expr 1.17"
                + " `max(result)`/`min(result)` (nil, then the comparison errors)")
        .why("every measurement without data is an Error; 5 in a row abort the rollout")
        .fix("Guard with `len(result) > 0 && ...`.");
  }
}
