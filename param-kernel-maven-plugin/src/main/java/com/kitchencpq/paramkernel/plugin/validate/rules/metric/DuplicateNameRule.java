package com.kitchencpq.paramkernel.plugin.validate.rules.metric;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.model.AnalysisTemplateView;
import com.kitchencpq.paramkernel.plugin.validate.model.MetricView;
import com.kitchencpq.paramkernel.plugin.validate.rules.BaseRule;
import java.util.HashSet;
import java.util.Set;

/** Metric names are unique within a template. */
public final class DuplicateNameRule extends BaseRule {
  public DuplicateNameRule() {
    super("metric.duplicate-name", "Metric names must be unique within a template.");
  }

  @Override
  public void check(ValidationContext ctx, FindingSink out) {
    for (AnalysisTemplateView t : ctx.analysisTemplates()) {
      Set<String> seen = new HashSet<>();
      for (MetricView m : t.metrics()) {
        if (!m.name().isEmpty() && !seen.add(m.name())) {
          out.error(
              m.node().get("name"),
              "metric name '"
                  + m.name()
                  + "' is used twice in template '"
                  + t.name()
                  + "'; rename one");
        }
      }
      Set<String> dry = new HashSet<>();
      t.dryRun()
          .forEach(
              d -> {
                if (!dry.add(d.get("metricName").text(""))) {
                  out.error(
                      d,
                      "dryRun lists metricName '"
                          + d.get("metricName").text("")
                          + "' twice; keep one entry");
                }
              });
      Set<String> keep = new HashSet<>();
      t.measurementRetention()
          .forEach(
              d -> {
                if (!keep.add(d.get("metricName").text(""))) {
                  out.error(
                      d,
                      "measurementRetention lists metricName '"
                          + d.get("metricName").text("")
                          + "' twice; keep one entry");
                }
              });
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.error(
            "J2, J18",
            "unique metric names; no metricName twice in one template's"
                + " dryRun/measurementRetention")
        .fix("Give each metric of a template its own name, and list each `metricName` once.");
  }
}
