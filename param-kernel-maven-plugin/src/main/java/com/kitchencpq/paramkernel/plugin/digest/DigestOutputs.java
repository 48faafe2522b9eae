package com.kitchencpq.paramkernel.plugin.digest;

import com.kitchencpq.paramkernel.plugin.core.ArtifactFiles;
import com.kitchencpq.paramkernel.plugin.core.AtomicFiles;
import com.kitchencpq.paramkernel.service.json.JsonWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The hand-offs of resolve-digest: {@code digest.json} under {@code artifacts/param-kernel/}
 * (written atomically, removed when a resolution fails) and the {@code GITHUB_OUTPUT} values.
 */
public final class DigestOutputs {
  private DigestOutputs() {}

  /** The file's content: image, tag, digest, fallback, source (stable order, 2-space indent). */
  public static String json(Resolution r) {
    return "{\n"
        + "  \"image\" : "
        + string(r.image())
        + ",\n"
        + "  \"tag\" : "
        + string(r.tag())
        + ",\n"
        + "  \"digest\" : "
        + string(r.digest())
        + ",\n"
        + "  \"fallback\" : "
        + r.fallback()
        + ",\n"
        + "  \"source\" : "
        + string(r.source().json())
        + "\n"
        + "}\n";
  }

  /** A JSON string literal, or {@code null}. */
  static String string(String value) {
    return JsonWriter.quote(value, JsonWriter.Style.UTF8);
  }

  /** Writes {@code <dir>/digest.json} via a temporary file and an atomic rename. */
  public static Path write(Path artifactsDirectory, Resolution r) throws IOException {
    Files.createDirectories(artifactsDirectory);
    Path target = artifactsDirectory.resolve(ArtifactFiles.DIGEST_JSON);
    AtomicFiles.write(target, json(r));
    return target;
  }

  /** Removes a digest.json left by an earlier run; returns whether there was one. */
  public static boolean removeStale(Path artifactsDirectory) throws IOException {
    return AtomicFiles.removeStale(artifactsDirectory.resolve(ArtifactFiles.DIGEST_JSON));
  }

  /** {@code digest}, {@code tag} and {@code image-ref} for later workflow steps. */
  public static Map<String, String> githubOutputs(Resolution r) {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("digest", r.digest());
    out.put("tag", r.tag() == null ? "" : r.tag());
    out.put("image-ref", r.imageRef());
    return out;
  }
}
