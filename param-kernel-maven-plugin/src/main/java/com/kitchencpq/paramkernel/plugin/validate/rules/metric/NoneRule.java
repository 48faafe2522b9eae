package com.kitchencpq.paramkernel.plugin.validate.rules.metric;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.model.AnalysisTemplateView;
import com.kitchencpq.paramkernel.plugin.validate.rules.BaseRule;

/** A template needs at least one metric of its own or a nested template. */
public final class NoneRule extends BaseRule {
  public NoneRule() {
    super("metric.none", "An analysis template must define metrics (or nest templates that do).");
  }

  @Override
  public void check(ValidationContext ctx, FindingSink out) {
    for (AnalysisTemplateView t : ctx.analysisTemplates()) {
      if (t.metrics().isEmpty() && t.nestedTemplates().isEmpty()) {
        out.error(
            t.spec().isPresent() ? t.spec() : t.manifest().root(),
            t.manifest().kind() + " '" + t.name() + "' has no metrics; add spec.metrics");
      }
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.error("J1", "a template has metrics or nested templates")
        .fix("Add metrics to the template, or nest templates that have them.");
  }
}
