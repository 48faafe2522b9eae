package com.kitchencpq.paramkernel.plugin.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a bundle must be before it goes to a cluster: its digest must not come from a local image,
 * and every container image must be pinned by digest.
 *
 * <p>resolve-digest writes {@code digest.json} beside the rendered bundle with a {@code source}
 * field; {@code local} means the digest was read from a local OCI image layout (the image goal's
 * output, possibly a LOCAL PREVIEW built without its base image) and was never checked against a
 * registry, so a cluster may be unable to pull it. Without a {@code digest.json} the bundle's own
 * pinned digests are all there is to check.
 */
public final class DeployableCheck {
  private static final ObjectMapper JSON = new ObjectMapper();

  private DeployableCheck() {}

  /** What digest.json says, when there is one. */
  public record DigestRecord(String image, String digest, String source) {}

  /**
   * Reads {@code digest.json}; empty when there is none.
   *
   * @throws BundleException when it is not the JSON object resolve-digest writes
   */
  public static Optional<DigestRecord> readDigestJson(Path file, String display)
      throws BundleException, IOException {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new BundleException(
          display
              + ": not valid JSON ("
              + e.getOriginalMessage()
              + "); run resolve-digest again to rewrite it");
    }
    if (root == null || !root.isObject()) {
      throw new BundleException(display + ": expected the JSON object resolve-digest writes");
    }
    return Optional.of(
        new DigestRecord(text(root, "image"), text(root, "digest"), text(root, "source")));
  }

  /**
   * Refuses a digest from a local image and any image reference without a digest.
   *
   * @param digestJson the {@code digest.json} beside the bundle, whether or not it exists
   */
  public static void requireDeployable(Bundle bundle, Path digestJson, String digestJsonDisplay)
      throws BundleException, IOException {
    Optional<DigestRecord> record = readDigestJson(digestJson, digestJsonDisplay);
    if (record.isPresent() && "local".equals(record.get().source())) {
      throw new BundleException(
          "Refusing to deploy "
              + bundle.display()
              + ": "
              + digestJsonDisplay
              + " says its digest "
              + record.get().digest()
              + " came from a local image layout (\"source\": \"local\"), not from a registry: it"
              + " may be a LOCAL PREVIEW image and the cluster cannot pull what was never pushed."
              + " Push the image (param-kernel:image with paramkernel.image.push=true), resolve the"
              + " digest from the registry (resolve-digest without paramkernel.ociLayout) and"
              + " render again");
    }
    List<String> unpinned = new ArrayList<>();
    for (Bundle.Document d : bundle.documents()) {
      for (Bundle.Image image : d.images()) {
        if (!pinned(image.reference())) {
          unpinned.add(
              bundle.display()
                  + ":"
                  + image.line()
                  + ":"
                  + image.column()
                  + ": "
                  + d.kind()
                  + " "
                  + d.name()
                  + " "
                  + image.path()
                  + " is '"
                  + image.reference()
                  + "', not pinned by digest"
                  + " (<repository>@sha256:<64 hex>)");
        }
      }
    }
    if (!unpinned.isEmpty()) {
      throw new BundleException(
          "Refusing to deploy "
              + bundle.display()
              + ": every image must be pinned by digest, so the cluster runs exactly the image that"
              + " was tested; render the bundle with a resolved digest.\n"
              + String.join("\n", unpinned));
    }
  }

  /** {@code <repository>@sha256:<64 lowercase hex>}. */
  static boolean pinned(String reference) {
    int at = reference.lastIndexOf('@');
    if (at <= 0) {
      return false;
    }
    String digest = reference.substring(at + 1);
    if (!digest.startsWith("sha256:") || digest.length() != 7 + 64) {
      return false;
    }
    for (int i = 7; i < digest.length(); i++) {
      char c = digest.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }

  private static String text(JsonNode root, String field) {
    JsonNode n = root.get(field);
    return n == null || n.isNull() ? null : n.asText();
  }
}
