package com.kitchencpq.paramkernel.plugin.validate.rules.pod;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.Rule;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.rules.Syntax;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;
import java.util.HashSet;
import java.util.Set;

/** Container names: present, RFC 1123 labels, unique across init and regular containers. */
public final class ContainerNameRule implements Rule {
  @Override
  public String id() {
    return "pod.container-name";
  }

  @Override
  public String description() {
    return "Every container needs a unique name made of lower-case letters, digits and '-'.";
  }

  @Override
  public void check(ValidationContext ctx, FindingSink out) {
    for (YamlNode template : PodTemplates.of(ctx)) {
      Set<String> seen = new HashSet<>();
      for (YamlNode c : PodTemplates.containers(template)) {
        YamlNode name = c.get("name");
        if (name.isAbsent() || name.text("").isEmpty()) {
          out.error(c, "the container has no 'name'; add one");
          continue;
        }
        if (!name.isScalar()) {
          continue;
        }
        String n = name.text();
        if (!Syntax.isDnsLabel(n)) {
          out.error(
              name,
              "container name '"
                  + n
                  + "' must be at most 63 lower-case letters, digits or '-',"
                  + " starting and ending with a letter or digit");
        }
        if (!seen.add(n)) {
          out.error(
              name, "container name '" + n + "' is used twice in this pod; rename one of them");
        }
      }
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.error("B8", "container names present, DNS-1123 labels, unique (init + regular)")
        .fix(
            "Give every container, init containers included, its own name of lower-case "
                + "letters, digits and inner '-'.");
  }
}
