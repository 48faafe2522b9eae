package com.kitchencpq.paramkernel.plugin.validate.rules.analysis;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.Rule;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.model.AnalysisTemplateView;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;

/** A template arg has a value or a valueFrom, never both. */
public final class ArgValueAndValuefromRule implements Rule {
  @Override
  public String id() {
    return "analysis.arg-value-and-valuefrom";
  }

  @Override
  public String description() {
    return "A template arg must not set both value and valueFrom.";
  }

  @Override
  public void check(ValidationContext ctx, FindingSink out) {
    for (AnalysisTemplateView t : ctx.analysisTemplates()) {
      for (YamlNode arg : t.args()) {
        if (arg.get("value").isPresent() && arg.get("valueFrom").isPresent()) {
          out.error(
              arg.keyNode("valueFrom"),
              "arg '"
                  + arg.get("name").text("")
                  + "' of template '"
                  + t.name()
                  + "' has both value and valueFrom; keep one");
        }
      }
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.error("I7", "a template arg has value or valueFrom, not both")
        .fix("Keep either `value` or `valueFrom` on the arg.");
  }
}
