package com.kitchencpq.paramkernel.plugin.validate.rules.hazard;

import com.kitchencpq.paramkernel.plugin.expr.Exprs;
import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.rules.MetricConditions;
import com.kitchencpq.paramkernel.plugin.validate.rules.PerParsedMetricRule;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;

/**
 * Hazard: a Prometheus vector metric whose measurement is Successful when the query matches no
 * series at all, e.g. {@code all(result, # < 0.01)} (true for an empty list) or a lone
 * failureCondition guarded with {@code len(result) > 0 && ...}. The canary then passes without a
 * single data point. Found by evaluating both conditions with an empty list. When a condition tests
 * {@code len(result)} the outcome is chosen on purpose ({@code len(result) == 0 || ...} is a
 * documented idiom); it is reported only with the plan checks on.
 */
public final class EmptySuccessRule extends PerParsedMetricRule {
  public EmptySuccessRule() {
    super(
        "hazard.empty-success",
        "An empty Prometheus result (no series) must not count as a success.");
  }

  @Override
  protected void check(MetricConditions.Metric m, ValidationContext ctx, FindingSink out) {
    if (!m.isPrometheus()
        || !m.shape().isList()
        || !m.conditionsClean()
        || m.conditions().isEmpty()
        || m.conditions().stream().anyMatch(ConditionDefaultPassesRule::defaults)) {
      return; // a default that passes no data is hazard.condition-default-passes
    }
    if (Measurement.phase(m, Measurement.EMPTY) != Measurement.Phase.SUCCESSFUL) {
      return;
    }
    boolean deliberate = m.conditions().stream().anyMatch(c -> Exprs.callsAny(c.expr(), "len"));
    YamlNode at =
        m.success().map(MetricConditions.Condition::node).orElseGet(() -> m.failure().get().node());
    String what =
        "the conditions of "
            + m.label()
            + " make an empty result (the query matched no series) a success";
    if (!deliberate) {
      out.hazard(
          at,
          what
              + " (all(...) and none(...) are true for an empty list), so the canary passes without"
              + " data; add 'len(result) > 0 && ...' to the successCondition");
    } else if (ctx.planChecks()) {
      out.error(
          at,
          what
              + " through the len(result) guard; the plan wants no data to stop the rollout: use"
              + " 'len(result) > 0 && ...' in the successCondition");
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.hazard(
            "ours",
            "a Prometheus vector metric that is Successful for `[]` (`all(result, # < 0.01)`, "
                + "`len(result) == 0 || ...`)")
        .note("error with plan checks when a `len(result)` guard makes it pass on purpose")
        .why(
            "the canary passes without a single data point; the plan wants no data to stop the "
                + "rollout")
        .fix("Make the condition false for `[]`: `len(result) > 0 && all(result, # < 0.01)`.");
  }
}
