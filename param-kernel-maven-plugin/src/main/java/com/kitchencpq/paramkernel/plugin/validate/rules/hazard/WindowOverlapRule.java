package com.kitchencpq.paramkernel.plugin.validate.rules.hazard;

import com.kitchencpq.paramkernel.plugin.promql.PromQl;
import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.rules.MetricConditions;
import com.kitchencpq.paramkernel.plugin.validate.rules.MetricLimits;
import com.kitchencpq.paramkernel.plugin.validate.rules.PerParsedMetricRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.Syntax;
import java.util.OptionalLong;

/**
 * Hazard: a metric measured much more often than its query's window is long, with a failureLimit
 * meant to tolerate a bad measurement. A burst of errors stays inside a window of range R for R /
 * interval consecutive measurements, so one bad minute is counted that many times against
 * failureLimit: with {@code interval: 1m}, {@code [5m]} windows and {@code failureLimit: 2}, a
 * single bad minute fails five measurements and the metric. Said when a burst is counted at least
 * twice and more often than failureLimit allows.
 */
public final class WindowOverlapRule extends PerParsedMetricRule {
  public WindowOverlapRule() {
    super(
        "hazard.window-overlap",
        "A query window much longer than the measurement interval counts one bad minute several"
            + " times.");
  }

  @Override
  protected void check(MetricConditions.Metric m, ValidationContext ctx, FindingSink out) {
    if (!m.isPrometheus() || m.query().isEmpty() || !m.view().interval().isScalar()) {
      return;
    }
    Syntax.DurationResult interval = Syntax.parseGoDuration(m.view().interval().text("").trim());
    OptionalLong failureLimit = MetricLimits.failureLimit(m.view());
    MetricLimits.EffectiveCount count = MetricLimits.effectiveCount(m.view());
    if (!interval.valid()
        || interval.nanos() <= 0
        || failureLimit.isEmpty()
        || failureLimit.getAsLong() < 1
        || (count.isFinite() && count.value() < 2)) {
      return;
    }
    long intervalMillis = interval.nanos() / 1_000_000;
    long range = 0;
    for (PromQl.Selector s : PromQl.selectors(m.query().get())) {
      if (s.range() != null) {
        OptionalLong r = PromQl.durationMillis(s.range());
        if (r.isEmpty()) {
          return;
        }
        range = Math.max(range, r.getAsLong());
      }
    }
    long times = (range + intervalMillis - 1) / intervalMillis;
    if (count.isFinite()) {
      times = Math.min(times, count.value());
    }
    long limit = failureLimit.getAsLong();
    if (times < 2 || times <= limit) {
      return;
    }
    out.hazard(
        m.view().interval(),
        m.label()
            + " measures every "
            + m.view().interval().text()
            + " over windows of "
            + RateWindowTooShortRule.format(range)
            + ", so a short bad spell (errors, slow requests) stays in "
            + times
            + " consecutive"
            + " measurements and one bad minute is counted "
            + times
            + " times against failureLimit "
            + limit
            + ": a single bad minute fails the metric that failureLimit was meant to let pass;"
            + " measure every "
            + RateWindowTooShortRule.format(range)
            + " (interval as long as the window) or shorten the window to "
            + m.view().interval().text());
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.hazard(
            "ours",
            "`interval` shorter than the query's window so that a burst stays in `ceil(range / "
                + "interval)` measurements, at least 2 and more than `failureLimit` (>= 1)")
        .why(
            "one bad minute is counted several times and alone exceeds the failureLimit meant to "
                + "tolerate it")
        .fix("Make the interval as long as the window (or the window as short as the interval).");
  }
}
