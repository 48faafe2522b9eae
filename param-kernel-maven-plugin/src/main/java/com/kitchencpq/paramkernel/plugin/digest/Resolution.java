package com.kitchencpq.paramkernel.plugin.digest;

import com.kitchencpq.paramkernel.plugin.core.PropertyNames;
import java.util.List;

/**
 * The outcome of resolve-digest.
 *
 * @param image the image as the user gave it
 * @param tag the tag that resolved; null for an override
 * @param digest {@code sha256:<hex>}
 * @param fallback true when an earlier tag of the preference list did not exist
 * @param source where the digest came from
 * @param missingTags the preferred tags that did not exist, in order
 * @param origin where exactly, for people: "registry 127.0.0.1:5000", "OCI layout target/…"
 */
public record Resolution(
    String image,
    String tag,
    String digest,
    boolean fallback,
    Source source,
    List<String> missingTags,
    String origin) {

  /** Where a digest came from; the JSON name is part of digest.json. */
  public enum Source {
    REGISTRY("registry"),
    OVERRIDE("override"),
    LOCAL("local");

    private final String json;

    Source(String json) {
      this.json = json;
    }

    public String json() {
      return json;
    }
  }

  public Resolution {
    missingTags = List.copyOf(missingTags);
  }

  /** {@code <image>@<digest>}, what a deployment pins. */
  public String imageRef() {
    return image + "@" + digest;
  }

  /** The contract's log line: {@code Resolved <image>:<tag> -> sha256:<hex>}, plus how. */
  public String logLine() {
    StringBuilder line = new StringBuilder("Resolved ").append(image);
    if (tag != null) {
      line.append(':').append(tag);
    }
    line.append(" -> ").append(digest);
    switch (source) {
      case OVERRIDE -> line.append(" (given by " + PropertyNames.DIGEST + "; no registry asked)");
      case LOCAL ->
          line.append(" (from the local ").append(origin).append(", not from a registry)");
      default -> line.append(" (from ").append(origin).append(')');
    }
    if (fallback) {
      line.append(" [FALLBACK: ").append(String.join(", ", missingTags)).append(" not found]");
    }
    return line.toString();
  }
}
