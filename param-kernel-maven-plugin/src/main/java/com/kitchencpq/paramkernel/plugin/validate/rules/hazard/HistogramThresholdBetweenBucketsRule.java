package com.kitchencpq.paramkernel.plugin.validate.rules.hazard;

import com.kitchencpq.paramkernel.plugin.expr.Exprs;
import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.rules.MetricConditions;
import com.kitchencpq.paramkernel.plugin.validate.rules.PerParsedMetricRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.plan.RolloutPlan;
import java.util.stream.Collectors;

/**
 * Warning: a threshold on a histogram_quantile of the service's latency histogram that is not one
 * of its bucket bounds. histogram_quantile interpolates linearly inside a bucket, so the decision
 * near such a threshold depends on an assumed spread rather than on counted requests; at a bound
 * the comparison is exact (it counts the requests in the buckets below).
 */
public final class HistogramThresholdBetweenBucketsRule extends PerParsedMetricRule {
  public HistogramThresholdBetweenBucketsRule() {
    super(
        "hazard.histogram-threshold-between-buckets",
        "Thresholds on the service's latency quantile should be bucket bounds.");
  }

  @Override
  protected void check(MetricConditions.Metric m, ValidationContext ctx, FindingSink out) {
    if (!m.isPrometheus() || !Histograms.overServiceHistogram(m)) {
      return;
    }
    RolloutPlan plan = RolloutPlan.PARAM_KERNEL;
    for (Histograms.Compared c : Histograms.thresholds(m)) {
      double v = c.threshold().value();
      if (!plan.isBucketBound(v) && v > 0 && v <= plan.largestBucket()) {
        out.warning(
            c.condition().node(),
            c.condition().field()
                + " of "
                + m.label()
                + " compares the quantile"
                + " with "
                + Exprs.format(v)
                + ", which is not a bucket bound of "
                + plan.latency().series()
                + " ("
                + plan.latencyBuckets().stream().map(Exprs::format).collect(Collectors.joining(" "))
                + "); the quantile is interpolated there, so use a bound such as "
                + Exprs.format(nearest(plan, v)));
      }
    }
  }

  private static double nearest(RolloutPlan plan, double v) {
    double best = plan.latencyBuckets().get(0);
    for (double b : plan.latencyBuckets()) {
      if (Math.abs(b - v) < Math.abs(best - v)) {
        best = b;
      }
    }
    return best;
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.warning(
            "ours",
            "a threshold on a `histogram_quantile` of the service's "
                + "`http_request_duration_seconds_bucket` that is not one of its bucket bounds ("
                + RolloutPlan.PARAM_KERNEL.latencyBuckets().stream()
                    .map(Exprs::format)
                    .collect(Collectors.joining(" "))
                + "); a ratio of two quantiles (canary p95 / stable p95) has no unit and is not"
                + " checked")
        .why(
            "inside a bucket the quantile is interpolated, so the decision rests on an assumed "
                + "spread, not on counted requests")
        .fix("Use a threshold that is a bucket bound (0.03, not 0.032).");
  }
}
