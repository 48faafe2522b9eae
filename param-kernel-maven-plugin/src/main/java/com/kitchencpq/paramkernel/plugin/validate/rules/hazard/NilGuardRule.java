package com.kitchencpq.paramkernel.plugin.validate.rules.hazard;

import com.kitchencpq.paramkernel.plugin.expr.Exprs;
import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.rules.MetricConditions;
import com.kitchencpq.paramkernel.plugin.validate.rules.PerParsedMetricRule;

/**
 * Hazard: {@code isNil(result)} or {@code default(result, x)} in a Prometheus condition. Argo's
 * helpers only look at whether result is nil, and the Prometheus provider never gives nil: no data
 * is an empty (non-nil) list, no traffic is NaN. The guard never fires.
 */
public final class NilGuardRule extends PerParsedMetricRule {
  public NilGuardRule() {
    super(
        "hazard.nil-guard",
        "isNil/default never fire for Prometheus results; guard with len(result) or isNaN.");
  }

  @Override
  protected void check(MetricConditions.Metric m, ValidationContext ctx, FindingSink out) {
    if (!m.isPrometheus() || !m.shape().isKnown()) {
      return;
    }
    for (MetricConditions.Condition c : m.conditions()) {
      if (c.parsed() && Exprs.callsAny(c.expr(), "isNil", "default")) {
        out.hazard(
            c.node(),
            c.field()
                + " of "
                + m.label()
                + " uses isNil/default as a no-data guard, but a Prometheus result is never nil (no"
                + " series gives an empty list, no requests give NaN), so it never fires; use"
                + " len(result) > 0 and isNaN(result[0]) instead");
      }
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.hazard(
            "ours", "`isNil(result)` / `default(result, x)` in a Prometheus condition")
        .why(
            "Argo's helpers only look for nil, and the Prometheus provider never returns nil "
                + "(no data is `[]`, no traffic is NaN): the guard never fires")
        .fix("Guard with `len(result) > 0` or `!isNaN(result[0])` instead.");
  }
}
