package com.kitchencpq.paramkernel.plugin.validate.rules.plan;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.model.AnalysisUse;
import com.kitchencpq.paramkernel.plugin.validate.model.RolloutView;
import com.kitchencpq.paramkernel.plugin.validate.model.TemplateRef;
import java.util.List;

/**
 * Every analysis step of the plan's Rollout runs the plan's health template (a namespaced
 * AnalysisTemplate). Whether that template is in the bundle is checked by the reference rules.
 */
public final class AnalysisTemplateRule extends PlanRule {
  public AnalysisTemplateRule() {
    super("plan.analysis-template", "Analysis steps must run the plan's AnalysisTemplate.");
  }

  @Override
  protected void check(RolloutView r, ValidationContext ctx, FindingSink out) {
    for (AnalysisUse use : r.analyses()) {
      if (use.type() != AnalysisUse.Type.STEP) {
        continue;
      }
      List<TemplateRef> refs = use.templates();
      boolean ok =
          refs.stream()
              .anyMatch(t -> !t.clusterScope() && t.name().equals(plan.analysisTemplate()));
      if (!ok) {
        String got =
            refs.isEmpty()
                ? "no template"
                : String.join(
                    ", ", refs.stream().map(t -> t.kind() + " '" + t.name() + "'").toList());
        out.error(
            use.node(),
            "analysis step "
                + (use.stepIndex() + 1)
                + " of Rollout '"
                + r.name()
                + "' runs "
                + got
                + "; the plan wants AnalysisTemplate '"
                + plan.analysisTemplate()
                + "'");
      }
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.plan(
            "every analysis step runs AnalysisTemplate `param-kernel-canary-health` "
                + "(its presence is checked by `analysis.template-missing`)")
        .fix("Run AnalysisTemplate `param-kernel-canary-health` in every analysis step.");
  }
}
