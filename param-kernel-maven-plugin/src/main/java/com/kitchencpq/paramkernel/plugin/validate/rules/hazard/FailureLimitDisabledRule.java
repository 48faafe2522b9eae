package com.kitchencpq.paramkernel.plugin.validate.rules.hazard;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.rules.MetricConditions;
import com.kitchencpq.paramkernel.plugin.validate.rules.MetricLimits;
import com.kitchencpq.paramkernel.plugin.validate.rules.PerParsedMetricRule;
import java.util.OptionalLong;

/**
 * Hazard: {@code failureLimit: -1} on a metric without a count but with an interval. Failures are
 * then ignored and the metric only ends through its consecutiveSuccessLimit streak; a canary that
 * keeps failing is measured until the run is stopped and then counts as Successful. ({@code
 * failureLimit: -1} without consecutiveSuccessLimit is rejected by upstream itself.)
 */
public final class FailureLimitDisabledRule extends PerParsedMetricRule {
  public FailureLimitDisabledRule() {
    super(
        "hazard.failure-limit-disabled",
        "failureLimit -1 on an unbounded metric means it can never fail.");
  }

  @Override
  protected void check(MetricConditions.Metric m, ValidationContext ctx, FindingSink out) {
    OptionalLong limit = MetricLimits.failureLimit(m.view());
    OptionalLong streak = MetricLimits.consecutiveSuccessLimit(m.view());
    if (limit.isEmpty() || limit.getAsLong() != -1 || streak.isEmpty() || streak.getAsLong() <= 0) {
      return;
    }
    if (MetricLimits.effectiveCount(m.view()).kind()
        == MetricLimits.EffectiveCount.Kind.UNBOUNDED) {
      out.hazard(
          m.view().failureLimit(),
          m.label()
              + " disables failureLimit and has no count, so failed"
              + " measurements are never counted and the metric only ends on "
              + streak.getAsLong()
              + " successes in a row; set a count (it then fails when the streak is not reached) or"
              + " a failureLimit >= 0");
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.hazard(
            "ours",
            "`failureLimit: -1` with `consecutiveSuccessLimit` and an interval but no count")
        .why(
            "failures are never counted; the metric only ends on a success streak or when the run"
                + " stops (then Successful). Without consecutiveSuccessLimit upstream rejects it "
                + "(`metric.limits`)")
        .fix("Set a `failureLimit` of 0 or more, or give the metric a `count`.");
  }
}
