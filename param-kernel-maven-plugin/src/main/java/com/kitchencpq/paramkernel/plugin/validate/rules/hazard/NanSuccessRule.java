package com.kitchencpq.paramkernel.plugin.validate.rules.hazard;

import com.kitchencpq.paramkernel.plugin.expr.Exprs;
import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.rules.MetricConditions;
import com.kitchencpq.paramkernel.plugin.validate.rules.PerParsedMetricRule;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;

/**
 * Hazard: a Prometheus metric whose measurement is Successful when the value is NaN. A ratio over a
 * window without requests is 0/0 = NaN, so such a metric passes a canary that serves no traffic at
 * all. Typical causes: a negated comparison ({@code !(result[0] > 0.03)}), a {@code !=} test, or a
 * failureCondition with no successCondition (NaN never makes it true).
 *
 * <p>Found by evaluating both conditions with {@code [NaN]} (or NaN for scalar queries) and
 * applying Argo's decision table. When a condition calls {@code isNaN} the author chose that
 * outcome on purpose: this is reported only with the plan checks on, as the plan wants no traffic
 * to stop the rollout rather than pass it.
 */
public final class NanSuccessRule extends PerParsedMetricRule {
  public NanSuccessRule() {
    super(
        "hazard.nan-success",
        "A NaN result (no requests in the window) must not count as a success.");
  }

  @Override
  protected void check(MetricConditions.Metric m, ValidationContext ctx, FindingSink out) {
    if (!m.isPrometheus() || !m.shape().isKnown() || !m.conditionsClean()) {
      return;
    }
    Object sample = m.shape().isList() ? Measurement.NAN_VECTOR : Measurement.NAN_SCALAR;
    if (Measurement.phase(m, sample) != Measurement.Phase.SUCCESSFUL) {
      return;
    }
    boolean deliberate = m.conditions().stream().anyMatch(c -> Exprs.callsAny(c.expr(), "isNaN"));
    YamlNode at =
        m.success()
            .map(MetricConditions.Condition::node)
            .orElseGet(
                () -> m.failure().map(MetricConditions.Condition::node).orElse(m.view().node()));
    String what =
        m.success().isEmpty()
            ? "failureCondition of "
                + m.label()
                + " is false for NaN and there is no successCondition"
            : "successCondition of " + m.label() + " is true for NaN";
    if (!deliberate) {
      out.hazard(
          at,
          what
              + ", so a window without requests (0/0 = NaN) counts as a success; compare so that"
              + " NaN is false (result[0] < 0.01 rather than !(result[0] >= 0.01))"
              + (m.success().isEmpty() ? ", or add a successCondition" : ""));
    } else if (ctx.planChecks()) {
      out.error(
          at,
          what
              + " (isNaN is treated as a pass), so a canary without traffic passes; the plan wants"
              + " no data to stop the rollout: use '!isNaN(result[0]) && ...' in the"
              + " successCondition");
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.hazard(
            "ours",
            "a Prometheus metric that is Successful for NaN: a negated comparison (`!(result[0] > "
                + "0.03)`), `!=`, or a failureCondition without a successCondition")
        .note("error with plan checks when `isNaN` makes it pass on purpose")
        .why("a window without requests is 0/0 = NaN, so a canary that serves nothing passes")
        .fix(
            "Write conditions that are false for NaN (`result[0] < 0.01`, not `!(result[0] >= "
                + "0.01)` or `!=`), and pair a failureCondition with a successCondition.");
  }
}
