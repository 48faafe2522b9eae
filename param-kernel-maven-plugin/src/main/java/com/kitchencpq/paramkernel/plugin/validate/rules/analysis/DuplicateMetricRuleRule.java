package com.kitchencpq.paramkernel.plugin.validate.rules.analysis;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.model.AnalysisTemplateView;
import com.kitchencpq.paramkernel.plugin.validate.model.AnalysisUse;
import com.kitchencpq.paramkernel.plugin.validate.model.RolloutView;
import com.kitchencpq.paramkernel.plugin.validate.model.TemplateResolver;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A dryRun or measurementRetention entry for the same metric name twice, counting the templates of
 * the analysis and the analysis itself.
 */
public final class DuplicateMetricRuleRule extends AnalysisUseRule {
  public DuplicateMetricRuleRule() {
    super(
        "analysis.duplicate-metric-rule",
        "dryRun / measurementRetention must not list one metricName twice.");
  }

  @Override
  protected void check(
      RolloutView r, AnalysisUse use, TemplateResolver.Resolution res, FindingSink out) {
    for (String section : new String[] {"dryRun", "measurementRetention"}) {
      List<YamlNode> entries = new ArrayList<>();
      for (AnalysisTemplateView t : res.templates()) {
        entries.addAll(t.spec().get(section).items());
      }
      entries.addAll(use.node().get(section).items());
      Set<String> seen = new HashSet<>();
      for (YamlNode e : entries) {
        String name = e.get("metricName").text("");
        if (!seen.add(name)) {
          out.error(
              at(use),
              section
                  + " lists metricName '"
                  + name
                  + "' more than once across "
                  + describe(use)
                  + " and its templates; keep one entry");
        }
      }
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.error(
            "I5, I6, J18",
            "a metricName twice in dryRun/measurementRetention across templates + analysis")
        .fix("List each `metricName` once in `dryRun` and in `measurementRetention`.");
  }
}
