package com.kitchencpq.paramkernel.plugin.validate.rules.hazard;

import com.kitchencpq.paramkernel.plugin.expr.Exprs;
import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.rules.MetricConditions;
import com.kitchencpq.paramkernel.plugin.validate.rules.PerParsedMetricRule;
import java.util.List;

/**
 * Hazard: a Prometheus query that returns a number when it matches no series at all, and the
 * metric's conditions pass that number. Typical forms: {@code (errors / total) or vector(0)} around
 * the whole expression, {@code ... or on() vector(0)}, {@code absent(x) - 1} arithmetic, a constant
 * denominator fallback ({@code errors / (total or vector(1))}). A label typo, a canary that is
 * never scraped or a Prometheus that lost its targets then reads as a healthy canary. The shipped
 * error ratio's {@code (sum(5xx) or vector(0)) / sum(total)} stays allowed: with no series at all
 * its denominator is empty and so is the ratio (see {@link NoData}).
 */
public final class QueryFallbackPassesRule extends PerParsedMetricRule {
  public QueryFallbackPassesRule() {
    super(
        "hazard.query-fallback-passes",
        "A query must not turn 'no series at all' into a number its conditions pass.");
  }

  @Override
  protected void check(MetricConditions.Metric m, ValidationContext ctx, FindingSink out) {
    if (!m.isPrometheus() || m.query().isEmpty() || !m.shape().isKnown() || !m.conditionsClean()) {
      return;
    }
    NoData.Value v = NoData.eval(m.query().get(), NoData.Scenario.NO_SERIES);
    if (!v.isRealNumber()) {
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
            + " returns "
            + Exprs.format(v.number())
            + " when it matches no series at all (an 'or vector(...)' or absent() fallback outside"
            + " the ratio), and the conditions pass "
            + Exprs.format(v.number())
            + ": a label typo, a canary that is never scraped or a Prometheus without targets reads"
            + " as a healthy canary; keep the fallback on the numerator only, e.g. (sum(errors) or"
            + " vector(0)) / sum(total), so that no series gives no result (no data: Inconclusive"
            + " with a len(result) > 0 guard)");
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.hazard(
            "ours",
            "a Prometheus query that yields a number when it matches no series at all (`(a / b) or"
                + " vector(0)`, `absent(x) - 1`, `a / (b or vector(1))`), and the conditions pass"
                + " that number; `(sum(5xx) or vector(0)) / sum(total)` is fine (no series: empty"
                + " ratio)")
        .why("a label typo or a canary that is never scraped reads as a healthy canary")
        .fix("Put the fallback on the numerator only; let no series give no result.");
  }
}
