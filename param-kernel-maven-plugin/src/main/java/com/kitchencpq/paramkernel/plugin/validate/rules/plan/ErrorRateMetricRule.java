package com.kitchencpq.paramkernel.plugin.validate.rules.plan;

import com.kitchencpq.paramkernel.plugin.promql.PromQl;
import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.model.AnalysisTemplateView;
import com.kitchencpq.paramkernel.plugin.validate.model.MetricView;
import com.kitchencpq.paramkernel.plugin.validate.model.RolloutView;
import com.kitchencpq.paramkernel.plugin.validate.rules.Syntax;
import java.util.Map;
import java.util.Optional;

/**
 * The health template has the plan's error-rate metric: a query on {@code http_requests_total}
 * filtered by {@code service} and {@code namespace} over {@code [1m]} windows, success below 1 %
 * and failure above 3 % (numbers compared as numbers: 0.03 equals 0.030).
 */
public final class ErrorRateMetricRule extends PlanRule {
  public ErrorRateMetricRule() {
    super(
        "plan.error-rate-metric",
        "The health template must hold the plan's error-rate metric and thresholds.");
  }

  @Override
  protected void check(RolloutView r, ValidationContext ctx, FindingSink out) {
    Optional<AnalysisTemplateView> t = PlanMetrics.template(r, ctx, plan);
    if (t.isEmpty()) {
      return;
    }
    RolloutPlan.HealthMetric want = plan.errorRate();
    Optional<MetricView> metric = PlanMetrics.metric(t.get(), want.series(), null);
    if (metric.isEmpty()) {
      out.error(
          PlanMetrics.metricsNode(t.get()),
          t.get().manifest().label()
              + " has no metric on "
              + want.series()
              + "; the plan wants an "
              + want.what()
              + " metric (success below "
              + percent(want.successBelow())
              + ", failure above "
              + percent(want.failureAbove())
              + ")");
      return;
    }
    MetricView m = metric.get();
    Map<String, String> args = PlanMetrics.args(t.get(), r);
    PlanMetrics.query(m, args).ifPresent(q -> checkQuery(m, q, want, out));
    PlanMetrics.expectThreshold(
        m,
        "successCondition",
        "<",
        want.successBelow(),
        "success when fewer than " + percent(want.successBelow()) + " of requests fail",
        args,
        out);
    PlanMetrics.expectThreshold(
        m,
        "failureCondition",
        ">",
        want.failureAbove(),
        "failure when more than " + percent(want.failureAbove()) + " of requests fail",
        args,
        out);
  }

  private static void checkQuery(
      MetricView m, PromQl.Node q, RolloutPlan.HealthMetric want, FindingSink out) {
    for (PromQl.Selector s : PromQl.selectors(q)) {
      if (!s.name().equals(want.series())) {
        continue;
      }
      for (String label : new String[] {"service", "namespace"}) {
        if (s.matchers().stream().noneMatch(x -> x.label().equals(label))) {
          out.error(
              m.query(),
              "query of metric '"
                  + m.name()
                  + "' reads "
                  + want.series()
                  + " without a "
                  + label
                  + " filter; the plan filters by service and namespace so only this service is"
                  + " measured");
        }
      }
      if (s.range() == null || !sameDuration(s.range(), want.window())) {
        out.error(
            m.query(),
            "query of metric '"
                + m.name()
                + "' reads "
                + want.series()
                + " over "
                + (s.range() == null ? "no range window" : "[" + s.range() + "]")
                + "; the plan uses ["
                + want.window()
                + "] windows");
      }
    }
  }

  static boolean sameDuration(String a, String b) {
    Syntax.DurationResult x = Syntax.parseGoDuration(a.trim());
    Syntax.DurationResult y = Syntax.parseGoDuration(b.trim());
    return x.valid() && y.valid() ? x.nanos() == y.nanos() : a.trim().equals(b.trim());
  }

  private static String percent(double v) {
    return com.kitchencpq.paramkernel.plugin.expr.Exprs.format(v * 100) + " %";
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.plan(
            "the template has a metric on `http_requests_total`, filtered by `service` and"
                + " `namespace`, over `[1m]`, with `successCondition` testing `< 0.01` and"
                + " `failureCondition` testing `> 0.03`")
        .fix("Keep the plan's error-rate metric and its thresholds, as the finding names them.");
  }
}
