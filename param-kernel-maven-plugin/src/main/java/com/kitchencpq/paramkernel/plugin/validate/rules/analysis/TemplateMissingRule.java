package com.kitchencpq.paramkernel.plugin.validate.rules.analysis;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.Rule;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.model.AnalysisTemplateView;
import com.kitchencpq.paramkernel.plugin.validate.model.AnalysisUse;
import com.kitchencpq.paramkernel.plugin.validate.model.RolloutView;
import com.kitchencpq.paramkernel.plugin.validate.model.TemplateRef;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Every referenced analysis template must exist. A missing AnalysisTemplate is an error (the
 * rollout would stop at that analysis); a missing ClusterAnalysisTemplate is a warning, as
 * cluster-wide templates are usually installed separately.
 */
public final class TemplateMissingRule implements Rule {
  @Override
  public String id() {
    return "analysis.template-missing";
  }

  @Override
  public String description() {
    return "Referenced AnalysisTemplates must be in the validated files (ClusterAnalysisTemplates:"
        + " warning).";
  }

  @Override
  public void check(ValidationContext ctx, FindingSink out) {
    for (RolloutView r : ctx.rollouts()) {
      List<TemplateRef> refs = new ArrayList<>();
      for (AnalysisUse use : r.analyses()) {
        refs.addAll(use.templates());
      }
      for (YamlNode step : r.steps()) {
        for (YamlNode a : step.at("experiment", "analyses").items()) {
          refs.add(
              new TemplateRef(a.get("templateName").text(""), a.get("clusterScope").isTrue(), a));
        }
      }
      for (TemplateRef ref : refs) {
        if (ctx.findTemplate(r.manifest(), ref.name(), ref.clusterScope()).isEmpty()) {
          report(ref, out);
        }
      }
    }
    for (AnalysisTemplateView t : ctx.analysisTemplates()) {
      for (TemplateRef ref : t.nestedTemplates()) {
        if (ctx.findTemplate(t.manifest(), ref.name(), ref.clusterScope()).isEmpty()) {
          report(ref, out);
        }
      }
    }
  }

  private static void report(TemplateRef ref, FindingSink out) {
    YamlNode at =
        ref.node().get("templateName").isPresent() ? ref.node().get("templateName") : ref.node();
    if (ref.name().isEmpty()) {
      out.error(at, "the template reference has no templateName; name the template to run");
    } else if (ref.clusterScope()) {
      out.warning(
          at,
          "ClusterAnalysisTemplate '"
              + ref.name()
              + "' is not defined in the validated files;"
              + " make sure it is installed in the cluster");
    } else {
      out.error(
          at,
          "AnalysisTemplate '"
              + ref.name()
              + "' is not defined in the validated files;"
              + " add it to the bundle or fix the templateName");
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.error(
            "I1",
            "referenced templates exist (steps, background, pre/post-promotion, experiment"
                + " analyses, nested templates)")
        .note("a missing ClusterAnalysisTemplate is a warning")
        .fix("Validate the template with the rollout, or correct its name.");
  }
}
