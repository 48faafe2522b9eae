package com.kitchencpq.paramkernel.plugin.validate.rules.hazard;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.rules.MetricConditions;
import com.kitchencpq.paramkernel.plugin.validate.rules.MetricLimits;
import com.kitchencpq.paramkernel.plugin.validate.rules.PerParsedMetricRule;

/**
 * Hazard: a condition on a Prometheus vector that reads {@code result[0]} without first checking
 * {@code len(result)}. A query that matches no series (no traffic yet, no 5xx series exported, a
 * label typo) returns an empty vector; indexing it is an evaluation error, the measurement is an
 * Error, and consecutiveErrorLimit + 1 errors in a row abort the rollout even though nothing is
 * wrong with the canary. Found by evaluating the condition with an empty list.
 */
public final class UnguardedIndexRule extends PerParsedMetricRule {
  public UnguardedIndexRule() {
    super(
        "hazard.unguarded-index",
        "Conditions on a Prometheus vector must check len(result) before result[0].");
  }

  @Override
  protected void check(MetricConditions.Metric m, ValidationContext ctx, FindingSink out) {
    if (!m.isPrometheus() || !m.shape().isList()) {
      return;
    }
    for (MetricConditions.Condition c : m.conditions()) {
      Measurement.Value v = Measurement.evaluate(m, c, Measurement.EMPTY);
      if (v.failure().isPresent() && v.failure().get().indexOutOfRange()) {
        long errors = MetricLimits.consecutiveErrorLimit(m.view()) + 1;
        out.hazard(
            c.node(),
            c.field()
                + " of "
                + m.label()
                + " indexes result without checking its length: when the query matches no series"
                + " the vector is empty, the measurement is an Error, and "
                + errors
                + " errors in a row abort the rollout; guard it with 'len(result) > 0 && ...' (no"
                + " data does not pass) or 'len(result) == 0 || ...' (no data passes)");
      }
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.hazard(
            "ours",
            "a condition on a Prometheus vector that reads `result[0]` without a `len(result)`"
                + " guard (evaluated with `[]`)")
        .why(
            "no series (no traffic yet, no 5xx series, a label typo) gives `[]`; indexing it is "
                + "an Error, and 5 in a row abort a healthy rollout")
        .fix("Guard the index: `len(result) > 0 && result[0] < 0.01`.");
  }
}
