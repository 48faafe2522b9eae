package com.kitchencpq.paramkernel.plugin.validate.rules.metric;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.model.AnalysisTemplateView;
import com.kitchencpq.paramkernel.plugin.validate.model.AnalysisUse;
import com.kitchencpq.paramkernel.plugin.validate.model.MetricView;
import com.kitchencpq.paramkernel.plugin.validate.model.RolloutView;
import com.kitchencpq.paramkernel.plugin.validate.model.TemplateResolver;
import com.kitchencpq.paramkernel.plugin.validate.rules.BaseRule;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * dryRun and measurementRetention entries name metrics by a regular expression (Go syntax, matched
 * anywhere in the name); an entry that matches no metric makes the analysis fail. java.util.regex
 * stands in for Go's RE2, which accepts a subset of the same syntax.
 */
public final class RuleMatchesMetricRule extends BaseRule {
  public RuleMatchesMetricRule() {
    super(
        "metric.rule-matches-metric",
        "dryRun / measurementRetention metricName patterns must match a metric.");
  }

  @Override
  public void check(ValidationContext ctx, FindingSink out) {
    for (AnalysisTemplateView t : ctx.analysisTemplates()) {
      List<String> names = allNames(ctx, t);
      checkEntries(t.dryRun(), "dryRun", names, out);
      checkEntries(t.measurementRetention(), "measurementRetention", names, out);
    }
    for (RolloutView r : ctx.rollouts()) {
      for (AnalysisUse use : r.analyses()) {
        TemplateResolver.Resolution res =
            TemplateResolver.resolve(ctx, r.manifest(), use.templates());
        if (!res.missing().isEmpty()) {
          continue;
        }
        List<String> names =
            res.templates().stream()
                .flatMap(x -> x.metrics().stream())
                .map(MetricView::name)
                .toList();
        checkEntries(use.node().get("dryRun").items(), "dryRun", names, out);
        checkEntries(
            use.node().get("measurementRetention").items(), "measurementRetention", names, out);
      }
    }
  }

  /** The template's own metric names and those of the templates it nests. */
  private static List<String> allNames(ValidationContext ctx, AnalysisTemplateView t) {
    List<String> names = new ArrayList<>();
    t.metrics().forEach(m -> names.add(m.name()));
    for (AnalysisTemplateView x :
        TemplateResolver.resolve(ctx, t.manifest(), t.nestedTemplates()).templates()) {
      x.metrics().forEach(m -> names.add(m.name()));
    }
    return names;
  }

  private static void checkEntries(
      List<YamlNode> entries, String section, List<String> names, FindingSink out) {
    for (YamlNode e : entries) {
      YamlNode metricName = e.get("metricName");
      if (!metricName.isScalar()) {
        continue;
      }
      String pattern = metricName.text();
      Pattern p;
      try {
        p = Pattern.compile(pattern);
      } catch (PatternSyntaxException ex) {
        out.error(
            metricName,
            section
                + " metricName '"
                + pattern
                + "' is not a valid regular expression ("
                + ex.getDescription()
                + "); use e.g. '.*' for all metrics");
        continue;
      }
      if (names.stream().noneMatch(n -> p.matcher(n).find())) {
        out.error(
            metricName,
            section
                + " metricName '"
                + pattern
                + "' matches none of the metrics ("
                + String.join(", ", names)
                + "); fix the name or the pattern");
      }
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.error(
            "J16, J17",
            "dryRun/measurementRetention patterns match a metric (java.util.regex, unanchored"
                + " find)")
        .fix("Correct the pattern so that it matches a metric of the analysis.");
  }
}
