package com.kitchencpq.paramkernel.plugin.validate.rules.metric;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.model.AnalysisTemplateView;
import com.kitchencpq.paramkernel.plugin.validate.model.MetricView;
import com.kitchencpq.paramkernel.plugin.validate.rules.PerMetricRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.Syntax;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;
import java.util.Optional;
import java.util.OptionalLong;

/** interval and initialDelay are Go durations; a count above 1 needs an interval. */
public final class IntervalRule extends PerMetricRule {
  public IntervalRule() {
    super(
        "metric.interval",
        "interval/initialDelay must be Go durations; count > 1 needs an interval.");
  }

  @Override
  protected void check(AnalysisTemplateView t, MetricView m, Values v, FindingSink out) {
    OptionalLong count = v.intValue(m.count());
    Optional<String> interval = v.text(m.interval());
    if (count.isPresent() && count.getAsLong() > 1 && m.interval().isAbsent()) {
      out.error(
          m.count(),
          "metric '"
              + m.name()
              + "' has count "
              + count.getAsLong()
              + " but no interval; set interval (e.g. 1m) between the measurements");
    }
    duration(m.interval(), interval, "interval", out);
    duration(m.initialDelay(), v.text(m.initialDelay()), "initialDelay", out);
  }

  private static void duration(YamlNode n, Optional<String> text, String field, FindingSink out) {
    if (text.isEmpty() || text.get().isEmpty()) {
      return;
    }
    Syntax.DurationResult d = Syntax.parseGoDuration(text.get());
    if (!d.valid()) {
      out.error(
          n,
          field
              + " '"
              + text.get()
              + "' is not a Go duration ("
              + d.error()
              + "); use units ms, s, m or h, e.g. 30s, 5m or 1h30m");
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.error(
            "J11, J12, J13", "interval needed for count > 1; interval/initialDelay Go durations")
        .fix(
            "Add an `interval` when `count` is above 1; write `interval` and `initialDelay` as "
                + "Go durations (`30s`, `5m`).");
  }
}
