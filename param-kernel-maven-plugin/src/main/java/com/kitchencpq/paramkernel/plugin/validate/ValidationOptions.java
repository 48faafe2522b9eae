package com.kitchencpq.paramkernel.plugin.validate;

import com.kitchencpq.paramkernel.plugin.argo.ArgoVersion;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How to validate.
 *
 * @param planChecks also check the param-kernel rollout plan; hazards become errors
 * @param baseDirectory paths inside it are displayed relative to it (the build's top-level
 *     directory)
 * @param argoVersion the Argo Rollouts release whose fields and expression engine the checks follow
 */
public record ValidationOptions(boolean planChecks, Path baseDirectory, ArgoVersion argoVersion) {
  public ValidationOptions {
    Objects.requireNonNull(baseDirectory, "baseDirectory");
    Objects.requireNonNull(argoVersion, "argoVersion");
    baseDirectory = baseDirectory.toAbsolutePath().normalize();
  }

  /** Options for the default Argo Rollouts version. */
  public ValidationOptions(boolean planChecks, Path baseDirectory) {
    this(planChecks, baseDirectory, ArgoVersion.DEFAULT);
  }

  /** Options with the current directory as base, for the default Argo Rollouts version. */
  public static ValidationOptions of(boolean planChecks) {
    return new ValidationOptions(planChecks, Path.of(""));
  }

  /** The same options for another Argo Rollouts version. */
  public ValidationOptions withArgoVersion(ArgoVersion version) {
    return new ValidationOptions(planChecks, baseDirectory, version);
  }
}
