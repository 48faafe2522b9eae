package com.kitchencpq.paramkernel.plugin.digest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kitchencpq.paramkernel.plugin.core.Digests;
import com.kitchencpq.paramkernel.plugin.core.GoalException;
import com.kitchencpq.paramkernel.plugin.registry.TagDigests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The tags of a local OCI image layout: the {@code org.opencontainers.image.ref.name} annotations
 * of the manifests listed in its {@code index.json}, each with its descriptor digest (the digest
 * the image has in a registry once pushed unchanged).
 */
public final class OciLayoutTags implements TagDigests {
  public static final String REF_NAME = "org.opencontainers.image.ref.name";

  private final Path layout;
  private final Map<String, String> digestsByTag;

  private OciLayoutTags(Path layout, Map<String, String> digestsByTag) {
    this.layout = layout;
    this.digestsByTag = digestsByTag;
  }

  /** Reads {@code <layout>/index.json}; every problem names the file and the property. */
  public static OciLayoutTags read(Path layout, String property) throws GoalException {
    Path index = layout.resolve("index.json");
    if (!Files.isRegularFile(layout.resolve("oci-layout"))) {
      throw GoalException.user(
          property
              + "="
              + layout
              + " is not an OCI image layout (no"
              + " oci-layout file); build the image first (param-kernel:image) or fix "
              + property);
    }
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(Files.readAllBytes(index));
    } catch (NoSuchFileException e) {
      throw GoalException.user(index + " is missing; build the image first or fix " + property);
    } catch (IOException e) {
      throw GoalException.user(index + " is not valid JSON: " + e.getMessage());
    }
    JsonNode manifests = root == null ? null : root.get("manifests");
    if (manifests == null || !manifests.isArray()) {
      throw GoalException.user(index + " has no 'manifests' array");
    }
    Map<String, String> tags = new LinkedHashMap<>();
    int i = 0;
    for (JsonNode m : manifests) {
      String name = m.path("annotations").path(REF_NAME).asText("");
      String digest = m.path("digest").asText("");
      if (!name.isEmpty()) {
        if (!Digests.isValid(digest)) {
          throw GoalException.user(
              index
                  + ": manifests["
                  + i
                  + "] ("
                  + name
                  + ") has digest '"
                  + digest
                  + "', not sha256:<64 hex>");
        }
        tags.putIfAbsent(name, digest);
      }
      i++;
    }
    return new OciLayoutTags(layout, tags);
  }

  @Override
  public Optional<String> digestOf(String tag) {
    return Optional.ofNullable(digestsByTag.get(tag));
  }

  public Map<String, String> all() {
    return Map.copyOf(digestsByTag);
  }

  public Path layout() {
    return layout;
  }
}
