package com.kitchencpq.paramkernel.plugin.validate.rules.analysis;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.model.AnalysisUse;
import com.kitchencpq.paramkernel.plugin.validate.model.RolloutView;
import com.kitchencpq.paramkernel.plugin.validate.model.TemplateResolver;
import com.kitchencpq.paramkernel.plugin.validate.rules.PerRolloutRule;

/** A rule about one place a Rollout runs analysis, with the templates it resolves to. */
abstract class AnalysisUseRule extends PerRolloutRule {
  AnalysisUseRule(String id, String description) {
    super(id, description);
  }

  @Override
  protected final void check(RolloutView r, ValidationContext ctx, FindingSink out) {
    for (AnalysisUse use : r.analyses()) {
      TemplateResolver.Resolution resolution =
          ctx.memo(use.node(), () -> TemplateResolver.resolve(ctx, r.manifest(), use.templates()));
      check(r, use, resolution, out);
    }
  }

  protected abstract void check(
      RolloutView r, AnalysisUse use, TemplateResolver.Resolution resolution, FindingSink out);

  /** Where use-level findings go: the {@code templates} list of the analysis. */
  static com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode at(AnalysisUse use) {
    return use.node().get("templates").isPresent() ? use.node().get("templates") : use.node();
  }

  static String describe(AnalysisUse use) {
    return switch (use.type()) {
      case STEP -> "the analysis of step " + use.stepIndex();
      case BACKGROUND -> "the background analysis";
      case PRE_PROMOTION -> "the pre-promotion analysis";
      case POST_PROMOTION -> "the post-promotion analysis";
    };
  }
}
