package com.kitchencpq.paramkernel.plugin.validate.rules.yaml;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.Manifest;
import com.kitchencpq.paramkernel.plugin.validate.Rule;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.yaml.TemplateTags;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;
import java.util.Optional;

/**
 * An unquoted {@code {{args.x}}} value: YAML reads it as a nested object, which the Kubernetes
 * decoder rejects, so the manifest cannot even be applied.
 */
public final class UnquotedTemplateRule implements Rule {
  @Override
  public String id() {
    return "yaml.unquoted-template";
  }

  @Override
  public String description() {
    return "A {{...}} value must be quoted, or YAML reads it as an object.";
  }

  @Override
  public void check(ValidationContext ctx, FindingSink out) {
    for (Manifest m : ctx.manifests()) {
      walk(m.root(), out);
    }
  }

  private static void walk(YamlNode n, FindingSink out) {
    Optional<String> tag = TemplateTags.unquoted(n);
    if (tag.isPresent()) {
      out.error(
          n,
          "the unquoted value "
              + tag.get()
              + " is read by YAML as an object; put it in quotes: \""
              + tag.get()
              + "\"");
      return;
    }
    if (n.isMapping()) {
      n.entries().forEach(e -> walk(e.value(), out));
    } else if (n.isSequence()) {
      n.items().forEach(i -> walk(i, out));
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.error("A4", "an unquoted `{{...}}` value, which YAML reads as a nested object")
        .fix("Quote the value: `'{{args.x}}'` or `\"{{args.x}}\"`.");
  }
}
