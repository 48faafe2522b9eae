package com.kitchencpq.paramkernel.plugin.image;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What goes into the service image, independent of Maven.
 *
 * @param application the project's jar, or its classes directory when there is no jar yet
 * @param dependencies runtime dependencies with release versions (the layer that rarely changes)
 * @param snapshotDependencies runtime dependencies with SNAPSHOT versions (their own layer)
 * @param mainClass the class {@code java} starts
 * @param jvmFlags flags before {@code -cp}
 * @param user numeric user (non-root)
 * @param port the port the service listens on: exposed and given as {@code PORT}
 * @param labels OCI labels
 * @param creationTime fixed creation time, for reproducible digests
 */
public record ImageSpec(
    Path application,
    List<Path> dependencies,
    List<Path> snapshotDependencies,
    String mainClass,
    List<String> jvmFlags,
    String user,
    int port,
    Map<String, String> labels,
    Instant creationTime) {

  /** Where things live in the image. */
  public static final String APP_ROOT = "/app";

  public ImageSpec {
    dependencies = List.copyOf(dependencies);
    snapshotDependencies = List.copyOf(snapshotDependencies);
    jvmFlags = List.copyOf(jvmFlags);
    labels = Map.copyOf(labels);
  }
}
