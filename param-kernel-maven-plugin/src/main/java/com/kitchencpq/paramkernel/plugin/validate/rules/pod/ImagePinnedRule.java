package com.kitchencpq.paramkernel.plugin.validate.rules.pod;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.Rule;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;
import java.util.regex.Pattern;

/**
 * Hazard: an image referenced by tag can change under a running canary; the plan pins images by
 * digest ({@code repo@sha256:<64 hex>}).
 */
public final class ImagePinnedRule implements Rule {
  private static final Pattern DIGEST = Pattern.compile(".+@sha256:[0-9a-f]{64}");

  @Override
  public String id() {
    return "pod.image-pinned";
  }

  @Override
  public String description() {
    return "Container images should be pinned by digest (hazard).";
  }

  @Override
  public void check(ValidationContext ctx, FindingSink out) {
    for (YamlNode template : PodTemplates.of(ctx)) {
      for (YamlNode c : PodTemplates.containers(template)) {
        YamlNode image = c.get("image");
        if (image.isScalar()
            && !image.text("").isBlank()
            && !DIGEST.matcher(image.text()).matches()
            && !image.text().contains("${")) {
          out.hazard(
              image,
              "image '"
                  + image.text()
                  + "' is not pinned by digest; refer to it as <repository>@sha256:<digest> so"
                  + " every pod of the rollout runs the same build");
        }
      }
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.hazard("ours", "images pinned by digest")
        .why(
            "a tag can name another image by the time a pod starts; a digest names exactly the "
                + "image that was built and checked")
        .fix(
            "Pin the image by digest (`repository@sha256:<64 hex>`); the render goal fills the "
                + "digest in.");
  }
}
