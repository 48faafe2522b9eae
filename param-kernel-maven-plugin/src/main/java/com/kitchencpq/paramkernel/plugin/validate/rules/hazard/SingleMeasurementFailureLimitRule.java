package com.kitchencpq.paramkernel.plugin.validate.rules.hazard;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.rules.MetricConditions;
import com.kitchencpq.paramkernel.plugin.validate.rules.MetricLimits;
import com.kitchencpq.paramkernel.plugin.validate.rules.PerParsedMetricRule;
import java.util.OptionalLong;

/**
 * Hazard: a metric without count and without interval (Argo takes exactly one measurement) whose
 * failureLimit is 1 or more. A metric fails only when failed measurements exceed failureLimit,
 * which one measurement never does: the analysis step always passes. This is the plan's own trap
 * ({@code failureLimit: 1} meant as "abort on sustained failure"). An explicit {@code count} not
 * above failureLimit is reported by {@code metric.never-fails}.
 */
public final class SingleMeasurementFailureLimitRule extends PerParsedMetricRule {
  public SingleMeasurementFailureLimitRule() {
    super(
        "hazard.single-measurement-failure-limit",
        "A metric with one measurement (no count, no interval) cannot fail when failureLimit >="
            + " 1.");
  }

  @Override
  protected void check(MetricConditions.Metric m, ValidationContext ctx, FindingSink out) {
    OptionalLong count = MetricLimits.value(m.view().count());
    if (MetricLimits.hasTag(m.view().count()) || (count.isPresent() && count.getAsLong() > 0)) {
      return;
    }
    MetricLimits.EffectiveCount effective = MetricLimits.effectiveCount(m.view());
    OptionalLong limit = MetricLimits.failureLimit(m.view());
    OptionalLong streak = MetricLimits.consecutiveSuccessLimit(m.view());
    if (!effective.isFinite() || limit.isEmpty() || streak.isEmpty() || streak.getAsLong() > 0) {
      return;
    }
    long l = limit.getAsLong();
    if (l >= effective.value()) {
      out.hazard(
          m.view().failureLimit(),
          m.label()
              + " has no count and no interval, so Argo takes a single"
              + " measurement, and it fails only after more than failureLimit ("
              + l
              + ") failed ones: it can never"
              + " fail; set interval and count >= "
              + (l + 1)
              + ", or failureLimit: 0");
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.hazard(
            "ours", "no `count` and no `interval` (one measurement) with `failureLimit >= 1`")
        .why(
            "a metric fails only when failures exceed failureLimit, which one measurement never "
                + "does: the plan's own trap. An explicit `count <= failureLimit` is reported by "
                + "`metric.never-fails`")
        .fix(
            "Give the metric an `interval` and a `count` above `failureLimit`, or set "
                + "`failureLimit: 0`.");
  }
}
