package com.kitchencpq.paramkernel.plugin.validate.rules.pod;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.Rule;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;
import java.util.HashSet;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/** Container ports: numbers in 1..65535, names of at most 15 characters, unique per container. */
public final class ContainerPortsRule implements Rule {
  private static final Pattern PORT_NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

  @Override
  public String id() {
    return "pod.container-ports";
  }

  @Override
  public String description() {
    return "Container ports must be in 1-65535 with unique names of at most 15 characters.";
  }

  @Override
  public void check(ValidationContext ctx, FindingSink out) {
    for (YamlNode template : PodTemplates.of(ctx)) {
      for (YamlNode c : PodTemplates.containers(template)) {
        Set<String> names = new HashSet<>();
        for (YamlNode p : c.get("ports").items()) {
          YamlNode number = p.get("containerPort");
          OptionalLong v = number.longValue();
          if (number.isAbsent()) {
            out.error(p, "the port has no 'containerPort'; add the port number");
          } else if (v.isPresent() && (v.getAsLong() < 1 || v.getAsLong() > 65535)) {
            out.error(number, "containerPort " + v.getAsLong() + " must be between 1 and 65535");
          }
          YamlNode name = p.get("name");
          if (name.isScalar() && !name.text("").isEmpty()) {
            String n = name.text();
            if (n.length() > 15
                || !PORT_NAME.matcher(n).matches()
                || !n.matches(".*[a-z].*")
                || n.contains("--")) {
              out.error(
                  name,
                  "port name '"
                      + n
                      + "' must be at most 15 lower-case letters, digits or single '-',"
                      + " with at least one letter");
            } else if (!names.add(n)) {
              out.error(name, "port name '" + n + "' is used twice in this container; rename one");
            }
          }
        }
      }
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.error("B8", "containerPort in 1..65535, port names valid and unique")
        .fix(
            "Use `containerPort` values from 1 to 65535, and port names that are valid and "
                + "unique.");
  }
}
