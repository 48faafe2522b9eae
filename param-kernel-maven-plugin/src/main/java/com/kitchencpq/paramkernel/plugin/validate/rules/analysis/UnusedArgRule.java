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

/**
 * An arg the rollout passes that no template of the analysis declares: upstream silently drops it,
 * which usually means a typo in the arg name.
 */
public final class UnusedArgRule extends AnalysisUseRule {
  public UnusedArgRule() {
    super(
        "analysis.unused-arg",
        "Args passed by a rollout should be declared by one of the templates.");
  }

  @Override
  protected void check(
      RolloutView r, AnalysisUse use, TemplateResolver.Resolution res, FindingSink out) {
    if (!res.missing().isEmpty()) {
      return;
    }
    Set<String> declared = new HashSet<>();
    for (AnalysisTemplateView t : res.templates()) {
      declared.addAll(t.argNames());
    }
    for (YamlNode a : use.args()) {
      String name = a.get("name").text("");
      if (!declared.contains(name)) {
        out.warning(
            a.get("name").isPresent() ? a.get("name") : a,
            "arg '"
                + name
                + "' is not declared by any template of "
                + describe(use)
                + ", so it is ignored; fix the name or remove it");
      }
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.warning("ours", "args the rollout passes that no template declares")
        .why("upstream ignores them silently")
        .fix("Remove the arg, or declare it in the template that should use it.");
  }
}
