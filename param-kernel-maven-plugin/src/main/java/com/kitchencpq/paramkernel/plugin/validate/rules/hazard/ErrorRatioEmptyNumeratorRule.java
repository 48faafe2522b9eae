package com.kitchencpq.paramkernel.plugin.validate.rules.hazard;

import com.kitchencpq.paramkernel.plugin.promql.PromQl;
import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.rules.MetricConditions;
import com.kitchencpq.paramkernel.plugin.validate.rules.PerParsedMetricRule;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Warning: an error ratio {@code errors / total} whose numerator selects 5xx series and has no
 * {@code or vector(0)} fallback. Client libraries create a {@code code="500"} series only at the
 * first error, so a healthy canary has no such series: the numerator is empty, the whole ratio is
 * empty, and the measurement is an Error (or, with a len guard, no data) instead of 0.
 */
public final class ErrorRatioEmptyNumeratorRule extends PerParsedMetricRule {
  private static final Pattern STATUS_LABEL = Pattern.compile(".*(code|status).*");
  private static final Pattern FIVE_XX =
      Pattern.compile("5(\\.\\.|\\.\\*|xx|XX|\\d\\d|\\[0-9]\\{2}|\\\\d\\{2})?.*");

  public ErrorRatioEmptyNumeratorRule() {
    super(
        "hazard.error-ratio-empty-numerator",
        "Error ratios need 'or vector(0)' on the 5xx numerator.");
  }

  @Override
  protected void check(MetricConditions.Metric m, ValidationContext ctx, FindingSink out) {
    if (!m.isPrometheus() || m.query().isEmpty()) {
      return;
    }
    if (!(PromQl.unwrap(m.query().get()) instanceof PromQl.Binary ratio)
        || !ratio.op().equals("/")) {
      return;
    }
    if (selectsErrors(ratio.left()) && !hasZeroFallback(ratio.left())) {
      out.warning(
          m.view().query(),
          "query of "
              + m.label()
              + " divides a 5xx selection by the total, but when no 5xx series exists yet (a"
              + " healthy canary) the numerator is empty and so is the whole ratio; write"
              + " (sum(...{code=~\"5..\"}...) or vector(0)) / sum(...)");
    }
  }

  static boolean selectsErrors(PromQl.Node n) {
    return PromQl.selectors(n).stream()
        .flatMap(s -> s.matchers().stream())
        .anyMatch(
            x ->
                (x.op().equals("=") || x.op().equals("=~"))
                    && STATUS_LABEL.matcher(x.label().toLowerCase(Locale.ROOT)).matches()
                    && FIVE_XX.matcher(x.value()).matches());
  }

  static boolean hasZeroFallback(PromQl.Node n) {
    return PromQl.nodes(n).stream()
        .anyMatch(
            x ->
                x instanceof PromQl.Binary b
                    && b.op().equals("or")
                    && PromQl.nodes(b.right()).stream()
                        .anyMatch(y -> y instanceof PromQl.Call c && c.name().equals("vector")));
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.warning(
            "ours",
            "`errors / total` whose numerator selects 5xx (`code=~\"5..\"`, `status=\"500\"`, ...) "
                + "without `or vector(0)` / `or on() vector(0)`")
        .why(
            "client libraries create the 5xx series at the first error; a healthy canary has "
                + "none, so the whole ratio is empty")
        .fix("Add `or vector(0)` (or `or on() vector(0)`) to the 5xx numerator.");
  }
}
