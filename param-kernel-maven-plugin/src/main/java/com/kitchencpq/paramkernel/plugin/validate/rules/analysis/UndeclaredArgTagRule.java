package com.kitchencpq.paramkernel.plugin.validate.rules.analysis;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.Rule;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.model.AnalysisTemplateView;
import com.kitchencpq.paramkernel.plugin.validate.model.ArgTags;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Every {@code {{...}}} in a template's metrics must be {@code args.<name>} of an arg the template
 * declares; anything else makes the analysis fail before its first measurement.
 */
public final class UndeclaredArgTagRule implements Rule {
  @Override
  public String id() {
    return "analysis.undeclared-arg-tag";
  }

  @Override
  public String description() {
    return "{{...}} tags in metrics must name args the template declares.";
  }

  @Override
  public void check(ValidationContext ctx, FindingSink out) {
    for (AnalysisTemplateView t : ctx.analysisTemplates()) {
      Set<String> declared = new HashSet<>(t.argNames());
      walk(t.spec().get("metrics"), declared, t, out);
    }
  }

  private static void walk(
      YamlNode n, Set<String> declared, AnalysisTemplateView t, FindingSink out) {
    if (n.isScalar()) {
      for (String tag : ArgTags.tags(n.text())) {
        Optional<String> name = ArgTags.argName(tag);
        if (name.isEmpty()) {
          out.error(
              n,
              "{{"
                  + tag
                  + "}} cannot be resolved: only {{args.<name>}} tags are substituted; declare an"
                  + " arg in spec.args and use {{args.<name>}}");
        } else if (!declared.contains(name.get())) {
          out.error(
              n,
              "{{"
                  + tag
                  + "}} uses arg '"
                  + name.get()
                  + "', which template '"
                  + t.name()
                  + "' does not declare; add it to spec.args");
        }
      }
    } else if (n.isMapping()) {
      n.entries().forEach(e -> walk(e.value(), declared, t, out));
    } else if (n.isSequence()) {
      n.items().forEach(i -> walk(i, declared, t, out));
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.error("I8", "every `{{...}}` in metrics is `args.<declared>`")
        .fix(
            "Declare the arg in the template's `args`, or correct the tag to `{{args.<declared "
                + "name>}}`.");
  }
}
