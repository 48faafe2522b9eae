package com.kitchencpq.paramkernel.plugin.validate.rules.hazard;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.rules.MetricConditions;
import com.kitchencpq.paramkernel.plugin.validate.rules.MetricLimits;
import com.kitchencpq.paramkernel.plugin.validate.rules.PerParsedMetricRule;
import java.util.OptionalLong;

/**
 * Hazard: {@code inconclusiveLimit >= count} on a metric with both conditions (only then can a
 * measurement be Inconclusive). Inconclusive measurements never exceed the limit, and when the
 * count is reached the metric is Successful: a canary whose every measurement sits between the two
 * thresholds passes.
 */
public final class InconclusiveLimitUnreachableRule extends PerParsedMetricRule {
  public InconclusiveLimitUnreachableRule() {
    super(
        "hazard.inconclusive-limit-unreachable",
        "inconclusiveLimit must be below the number of measurements.");
  }

  @Override
  protected void check(MetricConditions.Metric m, ValidationContext ctx, FindingSink out) {
    if (m.success().isEmpty() || m.failure().isEmpty()) {
      return;
    }
    MetricLimits.EffectiveCount count = MetricLimits.effectiveCount(m.view());
    OptionalLong limit = MetricLimits.inconclusiveLimit(m.view());
    OptionalLong streak = MetricLimits.consecutiveSuccessLimit(m.view());
    if (!count.isFinite() || limit.isEmpty() || streak.isEmpty() || streak.getAsLong() > 0) {
      return;
    }
    boolean explicitCount = MetricLimits.value(m.view().count()).orElse(0) > 0;
    if (explicitCount && limit.getAsLong() > count.value()) {
      return; // upstream rejects count < inconclusiveLimit itself (metric.limits)
    }
    if (limit.getAsLong() >= count.value()) {
      out.hazard(
          m.view().inconclusiveLimit(),
          m.label()
              + " takes "
              + count.value()
              + " measurement(s) but only"
              + " becomes Inconclusive after more than inconclusiveLimit ("
              + limit.getAsLong()
              + ") inconclusive ones, so measurements between the two thresholds end as a success;"
              + " lower inconclusiveLimit below "
              + count.value());
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.hazard(
            "ours",
            "both conditions set and `inconclusiveLimit >= count` (effective count; an explicit "
                + "count below inconclusiveLimit is upstream's own error, `metric.limits`)")
        .why(
            "inconclusive measurements never stop the metric, and at count it is Successful: "
                + "values between the thresholds pass")
        .fix("Lower `inconclusiveLimit` below the number of measurements.");
  }
}
