package com.kitchencpq.paramkernel.plugin.validate.rules.analysis;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.model.AnalysisTemplateView;
import com.kitchencpq.paramkernel.plugin.validate.model.AnalysisUse;
import com.kitchencpq.paramkernel.plugin.validate.model.RolloutView;
import com.kitchencpq.paramkernel.plugin.validate.model.TemplateResolver;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;
import java.util.HashMap;
import java.util.Map;

/** Templates combined in one analysis must not give one arg two different default values. */
public final class ArgConflictRule extends AnalysisUseRule {
  public ArgConflictRule() {
    super("analysis.arg-conflict", "Combined templates must not give one arg different values.");
  }

  @Override
  protected void check(
      RolloutView r, AnalysisUse use, TemplateResolver.Resolution res, FindingSink out) {
    Map<String, String> values = new HashMap<>();
    Map<String, String> owners = new HashMap<>();
    for (AnalysisTemplateView t : res.templates()) {
      for (YamlNode arg : t.args()) {
        YamlNode value = arg.get("value");
        if (!value.isScalar()) {
          continue;
        }
        String name = arg.get("name").text("");
        String previous = values.putIfAbsent(name, value.text());
        if (previous != null && !previous.equals(value.text())) {
          out.error(
              at(use),
              "arg '"
                  + name
                  + "' has the value '"
                  + previous
                  + "' in '"
                  + owners.get(name)
                  + "' and '"
                  + value.text()
                  + "' in '"
                  + t.name()
                  + "'; make the defaults agree or pass the arg explicitly");
        } else {
          owners.putIfAbsent(name, t.name());
        }
      }
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.error("I3", "combined templates agree on arg default values")
        .fix("Give the arg the same value in every template, or pass it from the analysis.");
  }
}
