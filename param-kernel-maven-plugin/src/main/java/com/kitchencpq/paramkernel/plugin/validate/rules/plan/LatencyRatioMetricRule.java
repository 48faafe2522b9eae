package com.kitchencpq.paramkernel.plugin.validate.rules.plan;

import com.kitchencpq.paramkernel.plugin.expr.Exprs;
import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.model.AnalysisTemplateView;
import com.kitchencpq.paramkernel.plugin.validate.model.MetricView;
import com.kitchencpq.paramkernel.plugin.validate.model.RolloutView;
import java.util.Map;
import java.util.Optional;

/**
 * The health template has the plan's third metric: the canary's p95 divided by the stable pods'
 * p95, with success below 1.5 and failure above 1.8 (the plan's "double latency", with room for the
 * interpolation error of two p95 estimates; docs/gate-efficacy.md). The absolute p95 bounds were
 * set around a 42 ms baseline; a service that answers in a few milliseconds can double its latency
 * and still pass them, the ratio cannot. How the query tells the two sides apart is {@code
 * plan.latency-ratio-sides}; the args it needs, {@code plan.latency-ratio-args}.
 */
public final class LatencyRatioMetricRule extends PlanRule {
  public LatencyRatioMetricRule() {
    super(
        "plan.latency-ratio-metric",
        "The health template must hold the plan's canary-p95-over-stable-p95 metric and"
            + " thresholds.");
  }

  @Override
  protected void check(RolloutView r, ValidationContext ctx, FindingSink out) {
    Optional<AnalysisTemplateView> t = PlanMetrics.template(r, ctx, plan);
    if (t.isEmpty()) {
      return;
    }
    RolloutPlan.HealthMetric want = plan.latencyVsStable();
    String quantile = Exprs.format(RolloutPlan.LATENCY_QUANTILE);
    Optional<MetricView> metric = PlanMetrics.ratio(t.get(), plan);
    if (metric.isEmpty()) {
      out.error(
          PlanMetrics.metricsNode(t.get()),
          t.get().manifest().label()
              + " has no metric comparing the canary's p95 with the stable pods'; the"
              + " plan wants '"
              + RolloutPlan.RATIO_METRIC
              + "': histogram_quantile("
              + quantile
              + ", ...) of the"
              + " canary pods divided by the same of the stable pods, success below "
              + Exprs.format(want.successBelow())
              + ", failure above "
              + Exprs.format(want.failureAbove())
              + " (a canary twice as slow as stable fails however fast both are)");
      return;
    }
    MetricView m = metric.get();
    Map<String, String> args = PlanMetrics.args(t.get(), r);
    PlanMetrics.query(m, args)
        .ifPresent(
            q -> {
              if (PlanMetrics.hasOtherQuantile(q)) {
                out.error(
                    m.query(),
                    "query of metric '"
                        + m.name()
                        + "' does not compare the "
                        + quantile
                        + " quantiles; the plan wants histogram_quantile("
                        + quantile
                        + ", ...) on both sides");
              }
            });
    PlanMetrics.expectThreshold(
        m,
        "successCondition",
        "<",
        want.successBelow(),
        "success when the canary's p95 is less than "
            + Exprs.format(want.successBelow())
            + " times the stable pods'",
        args,
        out);
    PlanMetrics.expectThreshold(
        m,
        "failureCondition",
        ">",
        want.failureAbove(),
        "failure when the canary's p95 is more than "
            + Exprs.format(want.failureAbove())
            + " times the stable pods'",
        args,
        out);
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.plan(
            "the template has a metric dividing the canary pods' `histogram_quantile(0.95, ...)` by"
                + " the stable pods' (`latency-p95-vs-stable`) with `< 1.5` success and `> 1.8`"
                + " failure (below 2: each p95 is interpolated inside a bucket, so a canary exactly"
                + " twice as slow must not sit on the bound)")
        .why(
            "the absolute p95 bounds (30 ms, 60 ms) were set around a 42 ms baseline; a service"
                + " answering in 3 to 6 ms can double its latency and still pass them, while the"
                + " ratio fails a canary twice as slow as stable at any speed")
        .fix(
            "Keep the plan's `latency-p95-vs-stable` metric and its thresholds, as the finding "
                + "names them.");
  }
}
