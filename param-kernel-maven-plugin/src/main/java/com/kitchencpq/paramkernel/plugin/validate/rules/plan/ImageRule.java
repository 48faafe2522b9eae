package com.kitchencpq.paramkernel.plugin.validate.rules.plan;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.model.RolloutView;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The plan's Rollout runs the plan's image by digest: {@code
 * kitchen-cpq/param-kernel-service@sha256:<64 hex>}, optionally behind a registry host ({@code
 * 127.0.0.1:5000/...}). An image that still holds a {@code ${...}} placeholder is left to the
 * unreplaced-placeholder rule.
 */
public final class ImageRule extends PlanRule {
  public ImageRule() {
    super("plan.image", "The plan's container runs the plan's image pinned by digest.");
  }

  @Override
  protected void check(RolloutView r, ValidationContext ctx, FindingSink out) {
    Pattern wanted =
        Pattern.compile(
            "(?:(?:[^/]*[.:][^/]*|localhost)/)?"
                + Pattern.quote(plan.imageRepository())
                + "@sha256:[0-9a-f]{64}");
    List<YamlNode> containers = r.podTemplate().at("spec", "containers").items();
    if (containers.isEmpty()) {
      return;
    }
    YamlNode container =
        containers.stream()
            .filter(c -> c.get("name").text("").equals(plan.rolloutName()))
            .findFirst()
            .orElse(containers.get(0));
    YamlNode image = container.get("image");
    String text = image.text("");
    if (text.contains("${") || wanted.matcher(text).matches()) {
      return;
    }
    out.error(
        image.isPresent() ? image : container,
        "container '"
            + container.get("name").text("")
            + "' of Rollout '"
            + r.name()
            + "' runs image '"
            + text
            + "'; the plan wants "
            + plan.imageRepository()
            + "@sha256:<64 hex digits> (render the template with the resolved digest)");
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.plan(
            "the Rollout's container runs "
                + "`kitchen-cpq/param-kernel-service@sha256:<64 hex>` (a registry host in front is "
                + "allowed); an unrendered `${...}` is left to `plan.unreplaced-placeholder`")
        .fix(
            "Run `kitchen-cpq/param-kernel-service@sha256:<digest>`; render the bundle to fill "
                + "the digest in.");
  }
}
