package com.kitchencpq.paramkernel.plugin.registry;

import com.google.cloud.tools.jib.api.Credential;
import com.google.cloud.tools.jib.api.CredentialRetriever;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.frontend.CredentialRetrieverFactory;
import com.google.cloud.tools.jib.registry.credentials.CredentialRetrievalException;
import com.kitchencpq.paramkernel.plugin.core.GoalException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Registry credentials from Docker's client configuration, read by jib-core: the config files
 * ({@code $DOCKER_CONFIG/config.json}, {@code ~/.docker/config.json}, the legacy {@code
 * ~/.dockercfg}, including the {@code credHelpers}/{@code credsStore} they name), then jib's
 * well-known credential helpers (ECR, GCR). Kept apart from {@link CredentialLookup} so that
 * jib-core is loaded only when a registry asks for credentials.
 */
final class DockerCredentials {
  private DockerCredentials() {}

  /** jib's reference for an image name that {@link ImageName#parse} has accepted. */
  static ImageReference reference(String image) {
    try {
      return ImageReference.parse(image);
    } catch (InvalidImageReferenceException e) {
      throw new IllegalStateException(
          "jib-core rejects '" + image + "', which ImageName accepted", e);
    }
  }

  static Optional<RegistryCredential> find(
      ImageReference image, Map<String, String> env, Path userHome, Consumer<String> debug)
      throws GoalException {
    Consumer<LogEvent> jibLog = e -> debug.accept("jib: " + e.getMessage());
    CredentialRetrieverFactory factory = CredentialRetrieverFactory.forImage(image, jibLog, env);
    List<Named> retrievers = new ArrayList<>();
    for (Path config : dockerConfigs(env, userHome)) {
      retrievers.add(
          new Named(
              "Docker config " + config,
              config.getFileName().toString().equals(".dockercfg")
                  ? factory.legacyDockerConfig(config)
                  : factory.dockerConfig(config)));
    }
    retrievers.add(
        new Named("a well-known credential helper", factory.wellKnownCredentialHelpers()));
    for (Named named : retrievers) {
      try {
        Optional<Credential> c = named.retriever().retrieve();
        if (c.isPresent()) {
          debug.accept("Using registry credentials from " + named.name());
          return Optional.of(
              new RegistryCredential(c.get().getUsername(), c.get().getPassword(), named.name()));
        }
      } catch (CredentialRetrievalException e) {
        throw GoalException.user(
            "reading credentials for "
                + image.getRegistry()
                + " from "
                + named.name()
                + " failed: "
                + e.getMessage());
      }
    }
    return Optional.empty();
  }

  private static List<Path> dockerConfigs(Map<String, String> env, Path userHome) {
    Set<Path> paths = new LinkedHashSet<>();
    String dockerConfig = env.getOrDefault("DOCKER_CONFIG", "");
    if (!dockerConfig.isBlank()) {
      paths.add(Path.of(dockerConfig, "config.json"));
    }
    List<Path> homes = new ArrayList<>();
    if (userHome != null) {
      homes.add(userHome);
    }
    String home = env.getOrDefault("HOME", "");
    if (!home.isBlank()) {
      homes.add(Path.of(home));
    }
    for (Path h : homes) {
      paths.add(h.resolve(".docker").resolve("config.json"));
    }
    for (Path h : homes) {
      paths.add(h.resolve(".dockercfg"));
    }
    List<Path> existing = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isRegularFile(p)) {
        existing.add(p.toAbsolutePath().normalize());
      }
    }
    return existing;
  }

  private record Named(String name, CredentialRetriever retriever) {}
}
