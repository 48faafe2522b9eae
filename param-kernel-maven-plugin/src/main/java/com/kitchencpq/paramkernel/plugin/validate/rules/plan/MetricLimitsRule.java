package com.kitchencpq.paramkernel.plugin.validate.rules.plan;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.model.AnalysisTemplateView;
import com.kitchencpq.paramkernel.plugin.validate.model.MetricView;
import com.kitchencpq.paramkernel.plugin.validate.model.RolloutView;
import com.kitchencpq.paramkernel.plugin.validate.rules.MetricLimits;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The health metrics use {@code failureLimit: 1} and enough measurements for a sustained failure to
 * exceed it: an effective count of at least 2 (so count >= 2 with an interval). With one
 * measurement, failureLimit 1 can never be exceeded and the analysis never aborts. The ratio metric
 * measures the same windows as the other two: the same count, interval, initialDelay and
 * inconclusiveLimit as the p95 latency metric.
 */
public final class MetricLimitsRule extends PlanRule {
  public MetricLimitsRule() {
    super(
        "plan.metric-limits",
        "Health metrics must use the plan's failureLimit and a count that lets them fail.");
  }

  @Override
  protected void check(RolloutView r, ValidationContext ctx, FindingSink out) {
    Optional<AnalysisTemplateView> t = PlanMetrics.template(r, ctx, plan);
    if (t.isEmpty()) {
      return;
    }
    List<MetricView> metrics = new ArrayList<>();
    PlanMetrics.metric(t.get(), plan.errorRate().series(), null).ifPresent(metrics::add);
    Optional<MetricView> latency = PlanMetrics.latency(t.get(), plan);
    latency.ifPresent(metrics::add);
    Optional<MetricView> ratio = PlanMetrics.ratio(t.get(), plan);
    ratio.ifPresent(metrics::add);
    if (latency.isPresent() && ratio.isPresent()) {
      sameAs(ratio.get(), latency.get(), out);
    }
    for (MetricView m : metrics) {
      OptionalLong limit = MetricLimits.failureLimit(m);
      if (limit.isEmpty() || limit.getAsLong() != plan.failureLimit()) {
        out.error(
            m.failureLimit().isPresent() ? m.failureLimit() : m.node(),
            "metric '"
                + m.name()
                + "' has "
                + (m.failureLimit().isPresent()
                    ? "failureLimit: " + m.failureLimit().text("")
                    : "no failureLimit (0)")
                + "; the plan wants failureLimit: "
                + plan.failureLimit());
      }
      MetricLimits.EffectiveCount count = MetricLimits.effectiveCount(m);
      if (!count.isFinite() || count.value() < plan.minimumCount()) {
        String got =
            switch (count.kind()) {
              case FINITE ->
                  count.value() == 1 ? "a single measurement" : count.value() + " measurements";
              case UNBOUNDED -> "no count (it would run until the rollout ends)";
              case UNKNOWN -> "a count only known at run time";
            };
        out.error(
            m.count().isPresent() ? m.count() : m.node(),
            "metric '"
                + m.name()
                + "' takes "
                + got
                + "; the plan wants count >= "
                + plan.minimumCount()
                + " with an interval so that "
                + (plan.failureLimit() + 1)
                + " failed measurements can abort the rollout");
      }
    }
  }

  /** The ratio metric takes its measurements when the latency metric does. */
  private static void sameAs(MetricView ratio, MetricView latency, FindingSink out) {
    String[] fields = {"count", "interval", "initialDelay", "inconclusiveLimit"};
    for (String f : fields) {
      YamlNode a = ratio.node().get(f);
      YamlNode b = latency.node().get(f);
      String x = a.isScalar() ? a.text("").trim() : "";
      String y = b.isScalar() ? b.text("").trim() : "";
      boolean same =
          x.equals(y)
              || (!x.isEmpty()
                  && !y.isEmpty()
                  && ErrorRateMetricRule.sameDuration(x, y)
                  && !f.equals("count")
                  && !f.equals("inconclusiveLimit"));
      if (!same) {
        out.error(
            a.isPresent() ? a : ratio.node(),
            "metric '"
                + ratio.name()
                + "' has "
                + (x.isEmpty() ? "no " + f : f + ": " + x)
                + ", metric '"
                + latency.name()
                + "' "
                + (y.isEmpty() ? "none" : f + ": " + y)
                + "; the plan measures the ratio with the same "
                + String.join(", ", fields)
                + " as the other health metrics");
      }
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.plan(
            "the three health metrics have `failureLimit: 1` and an effective count of at least 2"
                + " (count >= 2 with an interval), so that a sustained failure can exceed the"
                + " limit; the ratio metric has the p95 metric's count, interval, initialDelay and "
                + "inconclusiveLimit")
        .why(
            "with one measurement failureLimit 1 can never be exceeded; a ratio measured on "
                + "other windows than the absolute p95 would judge other requests")
        .fix(
            "Give the health metrics `failureLimit: 1`, an `interval` and a `count` of at "
                + "least 2, and the ratio metric the same timing as the p95 metric.");
  }
}
