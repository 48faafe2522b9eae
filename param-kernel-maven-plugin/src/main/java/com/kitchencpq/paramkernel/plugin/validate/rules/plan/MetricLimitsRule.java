package com.kitchencpq.paramkernel.plugin.validate.rules.plan;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.model.AnalysisTemplateView;
import com.kitchencpq.paramkernel.plugin.validate.model.MetricView;
import com.kitchencpq.paramkernel.plugin.validate.model.RolloutView;
import com.kitchencpq.paramkernel.plugin.validate.rules.MetricLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Both health metrics use {@code failureLimit: 1} and enough measurements for a sustained
 * failure to exceed it: an effective count of at least 2 (so count >= 2 with an interval).
 * With one measurement, failureLimit 1 can never be exceeded and the analysis never aborts.
 */
public final class MetricLimitsRule extends PlanRule {
  public MetricLimitsRule() {
    super("plan.metric-limits", "Health metrics must use the plan's failureLimit and a count that lets them fail.");
  }

  @Override
  protected void check(RolloutView r, ValidationContext ctx, FindingSink out) {
    Optional<AnalysisTemplateView> t = PlanMetrics.template(r, ctx, plan);
    if (t.isEmpty()) {
      return;
    }
    List<MetricView> metrics = new ArrayList<>();
    PlanMetrics.metric(t.get(), plan.errorRate().series(), null).ifPresent(metrics::add);
    PlanMetrics.metric(t.get(), plan.latency().series(), "histogram_quantile").ifPresent(metrics::add);
    for (MetricView m : metrics) {
      OptionalLong limit = MetricLimits.failureLimit(m);
      if (limit.isEmpty() || limit.getAsLong() != plan.failureLimit()) {
        out.error(m.failureLimit().isPresent() ? m.failureLimit() : m.node(), "metric '" + m.name() + "' has "
            + (m.failureLimit().isPresent() ? "failureLimit: " + m.failureLimit().text("") : "no failureLimit (0)")
            + "; the plan wants failureLimit: " + plan.failureLimit());
      }
      MetricLimits.EffectiveCount count = MetricLimits.effectiveCount(m);
      if (!count.isFinite() || count.value() < plan.minimumCount()) {
        String got = switch (count.kind()) {
          case FINITE -> count.value() == 1 ? "a single measurement" : count.value() + " measurements";
          case UNBOUNDED -> "no count (it would run until the rollout ends)";
          case UNKNOWN -> "a count only known at run time";
        };
        out.error(m.count().isPresent() ? m.count() : m.node(), "metric '" + m.name() + "' takes " + got
            + "; the plan wants count >= " + plan.minimumCount() + " with an interval so that "
            + (plan.failureLimit() + 1) + " failed measurements can abort the rollout");
      }
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.plan("both health metrics have `failureLimit: 1` and an effective count of at "
        + "least 2 (count >= 2 with an interval), so that a sustained failure can exceed the "
        + "limit")
        .fix("Give both health metrics `failureLimit: 1`, an `interval` and a `count` of at "
            + "least 2.");
  }
}
