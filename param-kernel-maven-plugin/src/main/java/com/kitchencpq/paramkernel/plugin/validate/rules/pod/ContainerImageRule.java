package com.kitchencpq.paramkernel.plugin.validate.rules.pod;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.Rule;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;

/** Every container of the Rollout's pod template needs an image. */
public final class ContainerImageRule implements Rule {
  @Override
  public String id() {
    return "pod.container-image";
  }

  @Override
  public String description() {
    return "Every container must name an image.";
  }

  @Override
  public void check(ValidationContext ctx, FindingSink out) {
    for (YamlNode template : PodTemplates.of(ctx)) {
      for (YamlNode c : PodTemplates.containers(template)) {
        YamlNode image = c.get("image");
        if (image.isAbsent() || (image.isScalar() && image.text("").isBlank())) {
          out.error(
              image.isMissing() ? c : image,
              "container '" + c.get("name").text("?") + "' has no 'image'; set the image to run");
        }
      }
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.error("B8", "every container names an image")
        .fix("Set `image` on every container.");
  }
}
