package com.kitchencpq.paramkernel.plugin.validate.rules.analysis;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.model.AnalysisTemplateView;
import com.kitchencpq.paramkernel.plugin.validate.model.AnalysisUse;
import com.kitchencpq.paramkernel.plugin.validate.model.MetricView;
import com.kitchencpq.paramkernel.plugin.validate.model.RolloutView;
import com.kitchencpq.paramkernel.plugin.validate.model.TemplateResolver;
import java.util.HashMap;
import java.util.Map;

/** Templates combined in one analysis must not define the same metric name. */
public final class MetricNameClashRule extends AnalysisUseRule {
  public MetricNameClashRule() {
    super(
        "analysis.metric-name-clash",
        "Templates combined in one analysis must not share a metric name.");
  }

  @Override
  protected void check(
      RolloutView r, AnalysisUse use, TemplateResolver.Resolution res, FindingSink out) {
    Map<String, AnalysisTemplateView> owner = new HashMap<>();
    for (AnalysisTemplateView t : res.templates()) {
      for (MetricView m : t.metrics()) {
        AnalysisTemplateView first = owner.putIfAbsent(m.name(), t);
        if (first != null && first != t) {
          out.error(
              at(use),
              "metric '"
                  + m.name()
                  + "' is defined by both '"
                  + first.name()
                  + "' and '"
                  + t.name()
                  + "', which "
                  + describe(use)
                  + " combines; rename one of the metrics");
        }
      }
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.error("I2", "combined (flattened) templates share no metric name")
        .fix("Rename one of the metrics, or do not combine the two templates.");
  }
}
