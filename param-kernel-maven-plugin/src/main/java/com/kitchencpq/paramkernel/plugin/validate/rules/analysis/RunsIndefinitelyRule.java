package com.kitchencpq.paramkernel.plugin.validate.rules.analysis;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.model.AnalysisTemplateView;
import com.kitchencpq.paramkernel.plugin.validate.model.AnalysisUse;
import com.kitchencpq.paramkernel.plugin.validate.model.ArgTags;
import com.kitchencpq.paramkernel.plugin.validate.model.MetricView;
import com.kitchencpq.paramkernel.plugin.validate.model.RolloutView;
import com.kitchencpq.paramkernel.plugin.validate.model.TemplateResolver;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An analysis the rollout waits for (a step, pre- or post-promotion) must end: a metric with an
 * interval needs a count. Like upstream, the count is read with the template's own arg defaults (an
 * arg without a default counts as a non-number, i.e. 0).
 */
public final class RunsIndefinitelyRule extends AnalysisUseRule {
  public RunsIndefinitelyRule() {
    super(
        "analysis.runs-indefinitely",
        "Metrics of step and promotion analyses with an interval need a count.");
  }

  @Override
  protected void check(
      RolloutView r, AnalysisUse use, TemplateResolver.Resolution res, FindingSink out) {
    if (use.isBackground()) {
      return;
    }
    for (AnalysisTemplateView t : res.templates()) {
      Map<String, String> defaults = new HashMap<>();
      for (YamlNode arg : t.args()) {
        defaults.put(
            arg.get("name").text(""),
            arg.get("value").isScalar() ? arg.get("value").text() : "dummy-value");
      }
      for (MetricView m : t.metrics()) {
        if (m.interval().isAbsent()
            || !m.interval().isScalar()
            || m.interval().text("").isEmpty()) {
          continue;
        }
        YamlNode count = m.count();
        long value = 0;
        if (count.isScalar()) {
          Optional<String> text = ArgTags.substitute(count.text(), defaults);
          value = text.map(RunsIndefinitelyRule::intValue).orElse(0L);
        }
        if (value == 0) {
          out.error(
              at(use),
              "metric '"
                  + m.name()
                  + "' of template '"
                  + t.name()
                  + "' has an interval but no count, so "
                  + describe(use)
                  + " would never finish; set count on the metric");
        }
      }
    }
  }

  private static long intValue(String s) {
    try {
      return Long.parseLong(s.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.error(
            "I9",
            "step and promotion analyses: metrics with interval need a count (read with template "
                + "defaults, like upstream)")
        .fix("Give the metric a `count`, or drop its `interval`.");
  }
}
