package com.kitchencpq.paramkernel.plugin.validate.rules.hazard;

import com.kitchencpq.paramkernel.plugin.expr.Exprs;
import com.kitchencpq.paramkernel.plugin.promql.PromQl;
import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.rules.MetricConditions;
import com.kitchencpq.paramkernel.plugin.validate.rules.PerParsedMetricRule;
import java.util.List;

/**
 * Hazard: a ratio whose denominator is kept away from zero ({@code clamp_min(total, 1)}, {@code
 * clamp(total, 1, ...)}, {@code total or vector(1)}), so that a window without requests gives a
 * number instead of NaN (0/0), and the conditions pass it. A canary that serves nothing then has an
 * error ratio of 0 and passes. Found by working the query out for series that did not grow in the
 * window ({@link NoData.Scenario#NO_TRAFFIC}): every rate is 0, and only a guarded denominator
 * makes the ratio a number.
 */
public final class DenominatorFallbackRule extends PerParsedMetricRule {
  public DenominatorFallbackRule() {
    super(
        "hazard.denominator-fallback",
        "A ratio's denominator must be allowed to be 0, so that no traffic gives NaN, not a pass.");
  }

  @Override
  protected void check(MetricConditions.Metric m, ValidationContext ctx, FindingSink out) {
    if (!m.isPrometheus() || m.query().isEmpty() || !m.shape().isKnown() || !m.conditionsClean()) {
      return;
    }
    PromQl.Node q = m.query().get();
    boolean guarded =
        NoData.denominators(q).stream()
            .map(d -> NoData.eval(d, NoData.Scenario.NO_TRAFFIC))
            .anyMatch(d -> d.isRealNumber() && d.number() != 0 && !Double.isInfinite(d.number()));
    if (!guarded) {
      return;
    }
    NoData.Value v = NoData.eval(q, NoData.Scenario.NO_TRAFFIC);
    if (!v.isRealNumber() || Double.isInfinite(v.number())) {
      return;
    }
    Object sample = m.shape().isList() ? List.of(v.number()) : (Object) v.number();
    if (Measurement.phase(m, sample) != Measurement.Phase.SUCCESSFUL) {
      return;
    }
    out.hazard(
        m.view().query(),
        "query of "
            + m.label()
            + " keeps its denominator away from zero (clamp_min, clamp"
            + " or an 'or vector(...)' fallback), so a window without requests gives "
            + Exprs.format(v.number())
            + " instead of NaN (0/0), and the conditions pass it: a canary that serves nothing"
            + " passes; divide by the plain total so that no traffic is NaN (Inconclusive with an"
            + " !isNaN(result[0]) guard)");
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.hazard(
            "ours",
            "a ratio whose denominator cannot reach 0 (`clamp_min(total, 1)`, `clamp(total, 1, x)`,"
                + " `total or vector(1)`) and whose value for a window without requests passes the "
                + "conditions")
        .why(
            "no traffic is 0/0 = NaN, which never passes; a guarded denominator turns it into 0, a "
                + "pass for a canary that serves nothing")
        .fix("Divide by the plain total and guard the condition with `!isNaN(result[0])`.");
  }
}
