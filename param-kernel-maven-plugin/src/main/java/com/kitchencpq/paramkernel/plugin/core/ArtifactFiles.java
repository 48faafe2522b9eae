package com.kitchencpq.paramkernel.plugin.core;

import java.nio.file.Path;

/**
 * The names of the files the goals leave for people and later steps. Across invocations the goals
 * hand over through {@code artifacts/param-kernel/} under the build's top-level directory; the
 * image goal's metadata lies beside the build output, under the names Jib uses.
 */
public final class ArtifactFiles {
  private ArtifactFiles() {}

  /** resolve-digest's result (image, tag, digest, fallback, source); render reads it. */
  public static final String DIGEST_JSON = "digest.json";

  /** render's output, the rollout bundle; validate checks it when no files are named. */
  public static final String ROLLOUT_YAML = "rollout.yaml";

  /** analyze's result: the run's phase and message, every metric and measurement. */
  public static final String ANALYSIS_JSON = "analysis.json";

  /** validate's findings as SARIF. */
  public static final String VALIDATE_SARIF = "validate.sarif";

  /**
   * warmup's evidence (run log, histogram, plot), a directory under {@code artifacts/param-kernel}.
   */
  public static final String WARMUP_DIRECTORY = "warmup";

  /** The image goal's digest, in the build directory. */
  public static final String JIB_IMAGE_DIGEST = "jib-image.digest";

  /** The image goal's image, digest and tags as JSON, in the build directory. */
  public static final String JIB_IMAGE_JSON = "jib-image.json";

  /** {@code artifacts/param-kernel} under the build's top-level directory. */
  public static Path directory(Path topLevelDirectory) {
    return topLevelDirectory.resolve("artifacts").resolve("param-kernel");
  }
}
