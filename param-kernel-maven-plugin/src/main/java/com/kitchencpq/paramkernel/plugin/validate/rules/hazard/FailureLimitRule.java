package com.kitchencpq.paramkernel.plugin.validate.rules.hazard;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.rules.condition.MetricConditions;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;
import java.util.OptionalLong;

/**
 * Hazard: {@code failureLimit >= count}. A metric fails when failed measurements exceed
 * failureLimit, but at most count measurements are taken, so it can never fail (upstream only
 * requires {@code count >= failureLimit + consecutiveSuccessLimit}). The count is Argo's
 * effective count: count when set, else 1 without an interval; an unbounded metric (interval,
 * no count) is not judged. With consecutiveSuccessLimit set the metric still ends Inconclusive,
 * so that case is left alone.
 */
public final class FailureLimitRule extends MetricRule {
  public FailureLimitRule() {
    super("hazard.failure-limit-unreachable", "failureLimit must be below the number of measurements, else the metric never fails.");
  }

  @Override
  protected void check(MetricConditions.Metric m, ValidationContext ctx, FindingSink out) {
    MetricLimits.EffectiveCount count = MetricLimits.effectiveCount(m.view());
    OptionalLong limit = MetricLimits.failureLimit(m.view());
    OptionalLong streak = MetricLimits.consecutiveSuccessLimit(m.view());
    if (!count.isFinite() || limit.isEmpty() || streak.isEmpty() || streak.getAsLong() > 0) {
      return;
    }
    long l = limit.getAsLong();
    if (l >= 0 && l >= count.value()) {
      YamlNode at = m.view().failureLimit().isPresent() ? m.view().failureLimit() : m.view().node();
      String measurements = count.value() == 1 ? "a single measurement" : count.value() + " measurements";
      out.hazard(at, m.label() + " takes " + measurements + " and fails only after more than failureLimit (" + l
          + ") failed ones, so it can never fail; use count >= " + (l + 1) + " with an interval, or lower"
          + " failureLimit below " + count.value());
    }
  }
}
