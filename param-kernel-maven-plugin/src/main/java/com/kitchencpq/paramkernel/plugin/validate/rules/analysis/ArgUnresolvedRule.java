package com.kitchencpq.paramkernel.plugin.validate.rules.analysis;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.model.AnalysisTemplateView;
import com.kitchencpq.paramkernel.plugin.validate.model.AnalysisUse;
import com.kitchencpq.paramkernel.plugin.validate.model.RolloutView;
import com.kitchencpq.paramkernel.plugin.validate.model.TemplateResolver;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;
import java.util.HashSet;
import java.util.Set;

/** A template arg without a default must be passed by the analysis that uses the template. */
public final class ArgUnresolvedRule extends AnalysisUseRule {
  public ArgUnresolvedRule() {
    super(
        "analysis.arg-unresolved",
        "Template args without a value must be passed by the rollout's analysis args.");
  }

  @Override
  protected void check(
      RolloutView r, AnalysisUse use, TemplateResolver.Resolution res, FindingSink out) {
    Set<String> passed = new HashSet<>();
    for (YamlNode a : use.args()) {
      passed.add(a.get("name").text(""));
    }
    Set<String> defaulted = new HashSet<>();
    for (AnalysisTemplateView t : res.templates()) {
      for (YamlNode arg : t.args()) {
        if (arg.get("value").isPresent() || arg.get("valueFrom").isPresent()) {
          defaulted.add(arg.get("name").text(""));
        }
      }
    }
    Set<String> reported = new HashSet<>();
    for (AnalysisTemplateView t : res.templates()) {
      for (YamlNode arg : t.args()) {
        String name = arg.get("name").text("");
        if (!passed.contains(name) && !defaulted.contains(name) && reported.add(name)) {
          out.error(
              at(use),
              "args."
                  + name
                  + " of template '"
                  + t.name()
                  + "' is not resolved; pass it in the args of "
                  + describe(use)
                  + " or give it a value in the template");
        }
      }
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.error(
            "I4, I10, I11", "template args without value/valueFrom are passed by the analysis")
        .fix("Pass the arg in the analysis's `args`, or give it a `value` in the template.");
  }
}
