package com.kitchencpq.paramkernel.plugin.validate.rules.hazard;

import com.kitchencpq.paramkernel.plugin.expr.Exprs;
import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.rules.MetricConditions;
import com.kitchencpq.paramkernel.plugin.validate.rules.PerParsedMetricRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.plan.RolloutPlan;

/**
 * Warning: a failure threshold the service's latency quantile can never cross. When the
 * quantile falls into the +Inf bucket, histogram_quantile returns the largest finite bound, so
 * {@code result[0] > 10} (or {@code >= 10.5}) is never true however slow the canary is.
 */
public final class HistogramThresholdCappedRule extends PerParsedMetricRule {
  public HistogramThresholdCappedRule() {
    super("hazard.histogram-threshold-capped",
        "Failure thresholds on the service's latency quantile must be reachable below the largest bucket.");
  }

  @Override
  protected void check(MetricConditions.Metric m, ValidationContext ctx, FindingSink out) {
    if (!m.isPrometheus() || !Histograms.overServiceHistogram(m)) {
      return;
    }
    double cap = RolloutPlan.PARAM_KERNEL.largestBucket();
    for (Histograms.Compared c : Histograms.thresholds(m)) {
      if (c.condition().isSuccess()) {
        continue;
      }
      Exprs.Threshold t = c.threshold();
      boolean never = (t.op().equals(">") && t.value() >= cap) || (t.op().equals(">=") && t.value() > cap);
      if (never) {
        out.warning(c.condition().node(), "failureCondition of " + m.label() + " tests result " + t.describe()
            + ", but histogram_quantile never returns more than the largest finite bucket bound ("
            + Exprs.format(cap) + "), so it can never be true; use a threshold below " + Exprs.format(cap));
      }
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.warning("ours",
        "a failure threshold the quantile cannot cross: `> t` with t at or above the largest "
        + "finite bound (10), `>= t` with t above it")
        .why("a quantile in the +Inf bucket is reported as the largest finite bound, so the "
            + "condition is never true")
        .fix("Use a threshold below the largest finite bucket bound.");
  }
}
