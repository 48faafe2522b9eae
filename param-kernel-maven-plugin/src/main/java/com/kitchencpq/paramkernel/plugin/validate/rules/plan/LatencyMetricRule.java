package com.kitchencpq.paramkernel.plugin.validate.rules.plan;

import com.kitchencpq.paramkernel.plugin.expr.Exprs;
import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.model.AnalysisTemplateView;
import com.kitchencpq.paramkernel.plugin.validate.model.MetricView;
import com.kitchencpq.paramkernel.plugin.validate.model.RolloutView;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * The health template has the plan's p95 latency metric: {@code histogram_quantile(0.95, ...
 * http_request_duration_seconds_bucket ...)} with success below 0.030 s and failure above 0.060 s.
 * A failure bound widened by a declared contingency is judged by {@link ContingencyVerdict}
 * instead.
 */
public final class LatencyMetricRule extends PlanRule {
  private final Clock clock;

  public LatencyMetricRule() {
    this(Clock.systemUTC());
  }

  /**
   * @param clock today's date, for the contingency's end date
   */
  public LatencyMetricRule(Clock clock) {
    super(
        "plan.latency-metric",
        "The health template must hold the plan's p95 latency metric and thresholds.");
    this.clock = clock;
  }

  @Override
  protected void check(RolloutView r, ValidationContext ctx, FindingSink out) {
    Optional<AnalysisTemplateView> t = PlanMetrics.template(r, ctx, plan);
    if (t.isEmpty()) {
      return;
    }
    RolloutPlan.HealthMetric want = plan.latency();
    String quantile = Exprs.format(RolloutPlan.LATENCY_QUANTILE);
    Optional<MetricView> metric = PlanMetrics.latency(t.get(), plan);
    if (metric.isEmpty()) {
      out.error(
          PlanMetrics.metricsNode(t.get()),
          t.get().manifest().label()
              + " has no histogram_quantile metric on "
              + want.series()
              + "; the plan"
              + " wants a p95 latency metric histogram_quantile("
              + quantile
              + ", ...) with success below "
              + Exprs.format(want.successBelow())
              + " s and failure above "
              + Exprs.format(want.failureAbove())
              + " s");
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
                        + "' does not compute the "
                        + quantile
                        + " quantile; the plan wants histogram_quantile("
                        + quantile
                        + ", ...)");
              }
            });
    PlanMetrics.expectThreshold(
        m,
        "successCondition",
        "<",
        want.successBelow(),
        "success when p95 is below " + Exprs.format(want.successBelow() * 1000) + " ms",
        args,
        out);
    if (!new ContingencyVerdict(plan, clock).judge(t.get(), m, args, out)) {
      PlanMetrics.expectThreshold(
          m,
          "failureCondition",
          ">",
          want.failureAbove(),
          "failure when p95 is above " + Exprs.format(want.failureAbove() * 1000) + " ms",
          args,
          out);
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.plan(
            "the template has `histogram_quantile(0.95, ... "
                + "http_request_duration_seconds_bucket ...)` with `< 0.030` success and `> 0.060` "
                + "failure")
        .note(
            "a failure bound above 0.060 s declared by the contingency annotation `"
                + P95Contingency.ANNOTATION
                + "` (render's `paramkernel.contingency.*`) is a warning naming its reason and end"
                + " date while it is unexpired; an expired one, a wider bound without the"
                + " annotation, an annotation whose value differs from the bound, or a bound above"
                + " the histogram's largest finite bucket bound is an error")
        .why(
            "the plan allows a wider p95 failure bound only as a temporary, visible contingency"
                + " (its playbook's step 4); an undeclared or forgotten widening lets a slower"
                + " canary through unnoticed")
        .fix(
            "Keep the plan's p95 latency metric and its thresholds, as the finding names them."
                + " For an expired or undeclared widening render again without the"
                + " `paramkernel.contingency.*` properties (see"
                + " param-kernel-maven-plugin/docs/contingency.md).");
  }
}
