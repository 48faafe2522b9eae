package com.kitchencpq.paramkernel.plugin.validate.rules.pod;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.Rule;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;

/** Environment variables need a name, and cannot have both a value and a valueFrom. */
public final class EnvRule implements Rule {
  @Override
  public String id() {
    return "pod.env";
  }

  @Override
  public String description() {
    return "Environment variables need a name and at most one of value and valueFrom.";
  }

  @Override
  public void check(ValidationContext ctx, FindingSink out) {
    for (YamlNode template : PodTemplates.of(ctx)) {
      for (YamlNode c : PodTemplates.containers(template)) {
        for (YamlNode env : c.get("env").items()) {
          YamlNode name = env.get("name");
          if (name.isAbsent() || name.text("").isEmpty()) {
            out.error(env, "the environment variable has no 'name'; add one");
          } else if (name.isScalar() && name.text().contains("=")) {
            out.error(name, "environment variable name '" + name.text() + "' must not contain '='");
          }
          if (!env.get("value").text("").isEmpty() && env.get("valueFrom").isPresent()) {
            out.error(
                env.keyNode("valueFrom"),
                "environment variable '"
                    + name.text("?")
                    + "' has both 'value' and 'valueFrom'; keep one");
          }
        }
      }
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.error("B8", "env names present and without `=`, not both value and valueFrom")
        .fix("Give every variable a name without `=`, and either `value` or `valueFrom`.");
  }
}
