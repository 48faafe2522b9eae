package com.kitchencpq.paramkernel.plugin.validate.rules.plan;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.Manifest;
import com.kitchencpq.paramkernel.plugin.validate.Rule;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code ${NAME}} (or {@code ${NAME:-default}}) placeholder left in a rendered plan: render
 * should have replaced it. Only checked with the plan checks on (elsewhere, {@code ${...}} is often
 * shell syntax in a job).
 */
public final class UnreplacedPlaceholderRule implements Rule {
  private static final Pattern PLACEHOLDER =
      Pattern.compile("(?<!\\$)\\$\\{([A-Za-z_][A-Za-z0-9_.]*)(:?[-=?+][^}]*)?}");

  @Override
  public String id() {
    return "plan.unreplaced-placeholder";
  }

  @Override
  public String description() {
    return "With plan checks on, no ${...} placeholder may be left in the manifests.";
  }

  @Override
  public void check(ValidationContext ctx, FindingSink out) {
    if (!ctx.planChecks()) {
      return;
    }
    for (Manifest m : ctx.manifests()) {
      walk(m.root(), out);
    }
  }

  private static void walk(YamlNode n, FindingSink out) {
    if (n.isScalar()) {
      Matcher matcher = PLACEHOLDER.matcher(n.text());
      if (matcher.find()) {
        out.error(
            n,
            "placeholder ${"
                + matcher.group(1)
                + "} was not replaced; run the render goal"
                + " (or set the value) before validating");
      }
    } else if (n.isMapping()) {
      n.entries()
          .forEach(
              e -> {
                walk(e.keyNode(), out);
                walk(e.value(), out);
              });
    } else if (n.isSequence()) {
      n.items().forEach(i -> walk(i, out));
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.plan("`${NAME}` left in the manifests")
        .why("the files are a template, not the rendered bundle")
        .fix(
            "Validate the rendered bundle (the render goal fills in the placeholders), not the "
                + "template.");
  }
}
