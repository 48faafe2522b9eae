package com.kitchencpq.paramkernel.plugin.validate.rules.hazard;

import com.kitchencpq.paramkernel.plugin.expr.Exprs;
import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.rules.MetricConditions;
import com.kitchencpq.paramkernel.plugin.validate.rules.PerParsedMetricRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.plan.RolloutPlan;
import java.util.List;
import java.util.TreeSet;

/**
 * Hazard: a failureCondition on a histogram_quantile of the service's latency histogram that no
 * value the quantile can take makes true. histogram_quantile interpolates inside the bucket the
 * rank falls into and returns the largest finite bound when it falls into the +Inf bucket
 * (Prometheus {@code promql/quantile.go}, {@code bucketQuantile}), so its value lies between 0 and
 * the largest finite bound (10 s): {@code result[0] > 10}, {@code >= 10.5} or {@code result[0] *
 * 1000 > 20000} can never be true, and the metric can never fail, however slow the canary is. Found
 * by evaluating the failureCondition at 0, every bucket bound, the points between them and next to
 * each threshold; said only when every evaluation is known.
 */
public final class HistogramThresholdCappedRule extends PerParsedMetricRule {
  public HistogramThresholdCappedRule() {
    super(
        "hazard.histogram-threshold-capped",
        "A failureCondition on the service's latency quantile must be reachable by some latency.");
  }

  @Override
  protected void check(MetricConditions.Metric m, ValidationContext ctx, FindingSink out) {
    if (!m.isPrometheus()
        || !Histograms.overServiceHistogram(m)
        || m.failure().isEmpty()
        || !m.conditionsClean()
        || !m.shape().isKnown()) {
      return;
    }
    MetricConditions.Condition failure = m.failure().get();
    RolloutPlan plan = RolloutPlan.PARAM_KERNEL;
    double cap = plan.largestBucket();
    TreeSet<Double> samples = new TreeSet<>(plan.latencyBuckets());
    samples.add(0.0);
    List<Double> bounds = plan.latencyBuckets();
    samples.add(bounds.get(0) / 2);
    for (int i = 1; i < bounds.size(); i++) {
      samples.add((bounds.get(i - 1) + bounds.get(i)) / 2);
    }
    for (Exprs.Threshold t : Exprs.thresholds(failure.expr())) {
      for (double v : new double[] {t.value(), Math.nextDown(t.value()), Math.nextUp(t.value())}) {
        if (v >= 0 && v <= cap) {
          samples.add(v);
        }
      }
    }
    for (double v : samples) {
      Object sample = m.shape().isList() ? List.of(v) : (Object) v;
      Measurement.Value value = Measurement.evaluate(m, failure, sample);
      if (value.unknown() || value.failure().isPresent() || value.value().get()) {
        return; // reachable, or not known
      }
    }
    out.hazard(
        failure.node(),
        "failureCondition of "
            + m.label()
            + " is false for every value the quantile can"
            + " take: histogram_quantile over "
            + plan.latency().series()
            + " lies between 0 and its largest finite"
            + " bucket bound ("
            + Exprs.format(cap)
            + " s; a quantile in the +Inf bucket is reported as that bound), so the metric can"
            + " never fail however slow the canary is; compare result[0] (in seconds) with a"
            + " threshold below "
            + Exprs.format(cap));
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.hazard(
            "ours",
            "a failureCondition on a `histogram_quantile` of the service's latency histogram that"
                + " no value from 0 to the largest finite bucket bound (10 s) makes true: `> 10`,"
                + " `>= 10.5`, `result[0] * 1000 > 20000`; a ratio of two quantiles has no unit and"
                + " is not checked")
        .why("the quantile never exceeds the largest finite bound, so the metric can never fail")
        .fix("Use a threshold in seconds below the largest finite bucket bound.");
  }
}
