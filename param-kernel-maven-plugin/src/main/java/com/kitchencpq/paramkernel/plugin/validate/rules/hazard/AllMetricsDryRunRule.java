package com.kitchencpq.paramkernel.plugin.validate.rules.hazard;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.model.AnalysisTemplateView;
import com.kitchencpq.paramkernel.plugin.validate.model.AnalysisUse;
import com.kitchencpq.paramkernel.plugin.validate.model.MetricView;
import com.kitchencpq.paramkernel.plugin.validate.model.RolloutView;
import com.kitchencpq.paramkernel.plugin.validate.model.TemplateResolver;
import com.kitchencpq.paramkernel.plugin.validate.rules.PerRolloutRule;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Hazard: every metric of an analysis that judges the canary (a metric with a success or failure
 * condition) is dry-run. Argo measures dry-run metrics but leaves them out of the run's phase and
 * of its termination ({@code analysis/analysis.go}, {@code assessRunStatus}; the rules are matched
 * by {@code GetDryRunMetrics} in {@code utils/analysis/helpers.go}, an unanchored regular
 * expression), so the analysis step can never fail or pause the rollout on the canary's numbers.
 */
public final class AllMetricsDryRunRule extends PerRolloutRule {
  public AllMetricsDryRunRule() {
    super(
        "hazard.all-metrics-dry-run",
        "An analysis must keep at least one metric that judges the canary out of dryRun.");
  }

  @Override
  protected void check(RolloutView r, ValidationContext ctx, FindingSink out) {
    boolean templatesDryRun =
        ctx.memo(
            List.of("AllMetricsDryRunRule"),
            () -> ctx.analysisTemplates().stream().anyMatch(t -> !t.dryRun().isEmpty()));
    for (AnalysisUse use : r.analyses()) {
      if (!templatesDryRun && use.node().get("dryRun").items().isEmpty()) {
        continue;
      }
      TemplateResolver.Resolution res =
          TemplateResolver.resolve(ctx, r.manifest(), use.templates());
      if (!res.missing().isEmpty()) {
        continue;
      }
      List<YamlNode> rules = new ArrayList<>(use.node().get("dryRun").items());
      res.templates().forEach(t -> rules.addAll(t.dryRun()));
      if (rules.isEmpty()) {
        continue;
      }
      List<String> judging = new ArrayList<>();
      boolean allDry = true;
      for (AnalysisTemplateView t : res.templates()) {
        for (MetricView m : t.metrics()) {
          if (m.successCondition().isAbsent() && m.failureCondition().isAbsent()) {
            continue;
          }
          judging.add(m.name());
          Boolean dry = dryRun(m.name(), rules);
          if (dry == null) {
            return;
          }
          allDry &= dry;
        }
      }
      if (!judging.isEmpty() && allDry) {
        out.hazard(
            rules.get(0),
            "every metric that judges the canary in "
                + describe(use, r)
                + " is dry-run ("
                + String.join(", ", judging)
                + "): Argo measures dry-run metrics but leaves them out of the analysis result, so"
                + " this analysis can never fail or pause the rollout on the canary's numbers;"
                + " remove the dryRun entry (or narrow its metricName) so that at least one health"
                + " metric counts");
      }
    }
  }

  /**
   * Whether a rule's metricName (an unanchored Go regular expression) matches; null when one cannot
   * be read.
   */
  private static Boolean dryRun(String metric, List<YamlNode> rules) {
    for (YamlNode rule : rules) {
      String re = rule.get("metricName").text("");
      if (re.contains("{{")) {
        return null;
      }
      try {
        if (Pattern.compile(re).matcher(metric).find()) {
          return true;
        }
      } catch (PatternSyntaxException e) {
        return null;
      }
    }
    return false;
  }

  private static String describe(AnalysisUse use, RolloutView r) {
    return switch (use.type()) {
      case STEP ->
          "the analysis of step " + (use.stepIndex() + 1) + " of Rollout '" + r.name() + "'";
      case BACKGROUND -> "the background analysis of Rollout '" + r.name() + "'";
      default ->
          "the "
              + use.type().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
              + " analysis of"
              + " Rollout '"
              + r.name()
              + "'";
    };
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.hazard(
            "ours",
            "every metric with a success or failure condition in one analysis (its templates and "
                + "the Rollout's step) matches a `dryRun` rule (an unanchored regular expression)")
        .why(
            "dry-run metrics are measured but never count: the analysis cannot fail or pause the "
                + "rollout")
        .fix("Keep at least one health metric out of `dryRun`.");
  }
}
