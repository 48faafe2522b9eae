package com.kitchencpq.paramkernel.plugin.validate.rules.hazard;

import com.kitchencpq.paramkernel.plugin.expr.Exprs;
import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.rules.MetricConditions;
import com.kitchencpq.paramkernel.plugin.validate.rules.PerParsedMetricRule;

/**
 * Hazard: a condition that supplies a default with {@code ??} (or Argo's {@code default}) and
 * passes when the query matches no series. {@code first(result)} and {@code last(result)} of an
 * empty list are nil (expr's builtins recover from the index panic), so {@code (first(result) ?? 0)
 * < 0.01} is true for an empty result: no data reads as a clean canary. Found by evaluating the
 * metric's conditions with an empty vector.
 */
public final class ConditionDefaultPassesRule extends PerParsedMetricRule {
  public ConditionDefaultPassesRule() {
    super(
        "hazard.condition-default-passes",
        "A '??' or default() in a condition must not turn an empty result into a pass.");
  }

  @Override
  protected void check(MetricConditions.Metric m, ValidationContext ctx, FindingSink out) {
    if (!m.isPrometheus() || !m.shape().isList() || !m.conditionsClean()) {
      return;
    }
    MetricConditions.Condition with =
        m.conditions().stream()
            .filter(ConditionDefaultPassesRule::defaults)
            .findFirst()
            .orElse(null);
    if (with == null || Measurement.phase(m, Measurement.EMPTY) != Measurement.Phase.SUCCESSFUL) {
      return;
    }
    out.hazard(
        with.node(),
        with.field()
            + " of "
            + m.label()
            + " fills in a default for a missing value ('??' or default()), and with it an empty"
            + " result (the query matched no series) passes: no data reads as a healthy canary;"
            + " drop the default and guard with len(result) > 0 && ... so that no data is not a"
            + " pass");
  }

  static boolean defaults(MetricConditions.Condition c) {
    return c.parsed()
        && (Exprs.callsAny(c.expr(), "default")
            || Exprs.nodes(c.expr()).stream()
                .anyMatch(
                    e ->
                        e instanceof com.kitchencpq.paramkernel.plugin.expr.Expr.Binary b
                            && b.op().equals("??")));
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.hazard(
            "ours",
            "a condition with `??` or `default(...)` that passes for an empty vector "
                + "(`(first(result) ?? 0) < 0.01`: `first([])` is nil)")
        .why("no data becomes the default and the canary passes without a data point")
        .fix("Drop the default; guard with `len(result) > 0 && ...`.");
  }
}
