package com.kitchencpq.paramkernel.plugin.validate.rules.plan;

import com.kitchencpq.paramkernel.plugin.expr.Exprs;
import com.kitchencpq.paramkernel.plugin.promql.PromQl;
import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.model.AnalysisTemplateView;
import com.kitchencpq.paramkernel.plugin.validate.model.MetricView;
import com.kitchencpq.paramkernel.plugin.validate.model.RolloutView;
import java.util.Map;
import java.util.Optional;

/**
 * The health template has the plan's p95 latency metric:
 * {@code histogram_quantile(0.95, ... http_request_duration_seconds_bucket ...)} with success
 * below 0.030 s and failure above 0.060 s.
 */
public final class LatencyMetricRule extends PlanRule {
  public LatencyMetricRule() {
    super("plan.latency-metric", "The health template must hold the plan's p95 latency metric and thresholds.");
  }

  @Override
  protected void check(RolloutView r, ValidationContext ctx, FindingSink out) {
    Optional<AnalysisTemplateView> t = PlanMetrics.template(r, ctx, plan);
    if (t.isEmpty()) {
      return;
    }
    RolloutPlan.HealthMetric want = plan.latency();
    String quantile = Exprs.format(RolloutPlan.LATENCY_QUANTILE);
    Optional<MetricView> metric = PlanMetrics.metric(t.get(), want.series(), "histogram_quantile");
    if (metric.isEmpty()) {
      out.error(t.get().spec().get("metrics").isPresent() ? t.get().spec().get("metrics") : t.get().spec(),
          t.get().manifest().label() + " has no histogram_quantile metric on " + want.series() + "; the plan"
              + " wants a p95 latency metric histogram_quantile(" + quantile + ", ...) with success below "
              + Exprs.format(want.successBelow()) + " s and failure above " + Exprs.format(want.failureAbove()) + " s");
      return;
    }
    MetricView m = metric.get();
    Map<String, String> args = PlanMetrics.args(t.get(), r);
    PlanMetrics.query(m, args).ifPresent(q -> {
      for (PromQl.Node n : PromQl.nodes(q)) {
        if (n instanceof PromQl.Call c && c.name().equals("histogram_quantile") && !c.args().isEmpty()
            && !(PromQl.unwrap(c.args().get(0)) instanceof PromQl.Num num
                && PlanMetrics.sameNumber(num.value(), RolloutPlan.LATENCY_QUANTILE))) {
          out.error(m.query(), "query of metric '" + m.name() + "' does not compute the "
              + quantile + " quantile; the plan wants histogram_quantile(" + quantile + ", ...)");
        }
      }
    });
    PlanMetrics.expectThreshold(m, "successCondition", "<", want.successBelow(),
        "success when p95 is below " + Exprs.format(want.successBelow() * 1000) + " ms", args, out);
    PlanMetrics.expectThreshold(m, "failureCondition", ">", want.failureAbove(),
        "failure when p95 is above " + Exprs.format(want.failureAbove() * 1000) + " ms", args, out);
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.plan("the template has `histogram_quantile(0.95, ... "
        + "http_request_duration_seconds_bucket ...)` with `< 0.030` success and `> 0.060` "
        + "failure")
        .fix("Keep the plan's p95 latency metric and its thresholds, as the finding names them.");
  }
}
