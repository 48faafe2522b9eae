package com.kitchencpq.paramkernel.plugin.validate;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to validate.
 *
 * @param planChecks also check the param-kernel rollout plan; hazards become errors
 * @param baseDirectory paths inside it are displayed relative to it (the build's top-level directory)
 */
public record ValidationOptions(boolean planChecks, Path baseDirectory) {
  public ValidationOptions {
    Objects.requireNonNull(baseDirectory, "baseDirectory");
    baseDirectory = baseDirectory.toAbsolutePath().normalize();
  }

  /** Options with the current directory as base. */
  public static ValidationOptions of(boolean planChecks) {
    return new ValidationOptions(planChecks, Path.of(""));
  }
}
