package com.kitchencpq.paramkernel.plugin.cluster;

import com.kitchencpq.paramkernel.plugin.core.PropertyNames;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The image set-image puts into the Rollout: {@code <repository>@<digest>}. The repository is
 * {@code paramkernel.image}, else digest.json's {@code image}; the digest is {@code
 * paramkernel.digest}, else the one resolve-digest found in this build, else digest.json's. A
 * digest from digest.json whose {@code source} is {@code local} is refused like apply refuses it.
 */
public final class ImageReference {
  private ImageReference() {}

  /**
   * @param image {@code paramkernel.image}, or null
   * @param digest {@code paramkernel.digest}, or null
   * @param fromBuild the digest resolve-digest set in this build, or null
   */
  public static String resolve(
      String image, String digest, String fromBuild, Path digestJson, String digestJsonDisplay)
      throws BundleException, IOException {
    Optional<DeployableCheck.DigestRecord> record =
        DeployableCheck.readDigestJson(digestJson, digestJsonDisplay);
    String repository =
        image != null && !image.isBlank()
            ? image.strip()
            : record.map(DeployableCheck.DigestRecord::image).orElse(null);
    if (repository == null || repository.isBlank()) {
      throw new BundleException(
          "No image: set paramkernel.image (the repository, e.g. kitchen-cpq/param-kernel-service)"
              + " or run resolve-digest first so that "
              + digestJsonDisplay
              + " exists");
    }
    if (repository.contains("@")) {
      throw new BundleException(
          PropertyNames.IMAGE
              + "="
              + repository
              + " must be a repository without a digest;"
              + " give the digest with "
              + PropertyNames.DIGEST);
    }
    String chosen;
    if (digest != null && !digest.isBlank()) {
      chosen = digest.strip();
    } else if (fromBuild != null && !fromBuild.isBlank()) {
      chosen = fromBuild.strip();
    } else if (record.isPresent() && record.get().digest() != null) {
      if ("local".equals(record.get().source())) {
        throw new BundleException(
            "Refusing "
                + digestJsonDisplay
                + ": its digest "
                + record.get().digest()
                + " came from a local image layout (\"source\": \"local\"), not from a registry;"
                + " push the image and resolve the digest from the registry, or give"
                + " paramkernel.digest");
      }
      chosen = record.get().digest();
    } else {
      throw new BundleException(
          "No digest: set paramkernel.digest=sha256:<64 hex> or run resolve-digest first");
    }
    String reference = repository + "@" + chosen;
    if (!DeployableCheck.pinned(reference)) {
      throw new BundleException(
          PropertyNames.DIGEST + "=" + chosen + " is not sha256:<64 lowercase hex>");
    }
    return reference;
  }
}
