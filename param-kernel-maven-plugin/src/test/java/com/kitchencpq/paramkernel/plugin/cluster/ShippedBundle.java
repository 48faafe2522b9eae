package com.kitchencpq.paramkernel.plugin.cluster;

import com.kitchencpq.paramkernel.plugin.render.Template;
import com.kitchencpq.paramkernel.plugin.render.TemplateRenderer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The shipped rollout template rendered by the render goal's own renderer, for the cluster tests.
 */
final class ShippedBundle {
  static final String DIGEST = "sha256:" + "3b".repeat(32);
  static final String NAMESPACE = "kitchen-cpq";
  static final String ROLLOUT = "param-kernel-service";

  private ShippedBundle() {}

  static String text(String digest) throws Exception {
    return new TemplateRenderer().render(Template.embeddedDefault(), digest, List.of()).text();
  }

  /** Writes {@code rollout.yaml} (and optionally digest.json) into {@code dir}. */
  static Path write(Path dir, String digest, String digestJsonSource) throws Exception {
    Files.createDirectories(dir);
    Path file = dir.resolve("rollout.yaml");
    Files.writeString(file, text(digest));
    if (digestJsonSource != null) {
      Files.writeString(
          dir.resolve("digest.json"),
          "{\n  \"image\" : \"kitchen-cpq/param-kernel-service\",\n"
              + "  \"tag\" : \"latest\",\n  \"digest\" : \""
              + digest
              + "\",\n  \"fallback\" : false,\n"
              + "  \"source\" : \""
              + digestJsonSource
              + "\"\n}\n");
    }
    return file;
  }

  static Bundle read(Path file) throws Exception {
    return Bundle.read(file, "rollout.yaml");
  }
}
