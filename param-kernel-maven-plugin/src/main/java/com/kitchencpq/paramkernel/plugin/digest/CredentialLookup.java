package com.kitchencpq.paramkernel.plugin.digest;

import com.google.cloud.tools.jib.api.Credential;
import com.google.cloud.tools.jib.api.CredentialRetriever;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.frontend.CredentialRetrieverFactory;
import com.google.cloud.tools.jib.registry.credentials.CredentialRetrievalException;
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
 * Finds the credential for one registry, in this order: the Maven {@code settings.xml} server
 * (handed in by the Mojo), {@code PARAMKERNEL_REGISTRY_USERNAME}/{@code _PASSWORD}, Docker
 * config files ({@code $DOCKER_CONFIG/config.json}, {@code ~/.docker/config.json}, the legacy
 * {@code ~/.dockercfg}; including the {@code credHelpers}/{@code credsStore} they name), and
 * jib's well-known credential helpers (ECR, GCR). Reading Docker configs and running helpers
 * is jib-core's work. The lookup runs once, and only when a registry asks for credentials.
 */
public final class CredentialLookup {
  public static final String ENV_USERNAME = "PARAMKERNEL_REGISTRY_USERNAME";
  public static final String ENV_PASSWORD = "PARAMKERNEL_REGISTRY_PASSWORD";

  private final ImageReference image;
  private final Optional<RegistryCredential> fromSettings;
  private final Map<String, String> env;
  private final Path userHome;
  private final Consumer<String> debug;
  private Optional<RegistryCredential> found;

  /**
   * @param fromSettings the decrypted settings.xml server for this registry, if any
   * @param userHome the user's home directory ({@code user.home})
   */
  public CredentialLookup(ImageReference image, Optional<RegistryCredential> fromSettings,
      Map<String, String> env, Path userHome, Consumer<String> debug) {
    this.image = image;
    this.fromSettings = fromSettings;
    this.env = Map.copyOf(env);
    this.userHome = userHome;
    this.debug = debug;
  }

  /** What the user can configure, for messages. */
  public String howToConfigure() {
    return "a <server> with id '" + image.getRegistry() + "' in Maven settings.xml, the environment"
        + " variables " + ENV_USERNAME + "/" + ENV_PASSWORD + ", or a Docker login"
        + " (config.json in $DOCKER_CONFIG or ~/.docker, or a credential helper)";
  }

  /** The credential, or empty when no source has one for this registry. */
  public synchronized Optional<RegistryCredential> find() throws ResolveException {
    if (found == null) {
      found = lookup();
    }
    return found;
  }

  private Optional<RegistryCredential> lookup() throws ResolveException {
    if (fromSettings.isPresent()) {
      return fromSettings;
    }
    String user = env.getOrDefault(ENV_USERNAME, "");
    String password = env.getOrDefault(ENV_PASSWORD, "");
    if (!user.isEmpty() && !password.isEmpty()) {
      return Optional.of(new RegistryCredential(user, password, "environment " + ENV_USERNAME));
    }
    if (!user.isEmpty() || !password.isEmpty()) {
      throw ResolveException.user("only one of " + ENV_USERNAME + " and " + ENV_PASSWORD
          + " is set; set both or neither");
    }
    Consumer<LogEvent> jibLog = e -> debug.accept("jib: " + e.getMessage());
    CredentialRetrieverFactory factory = CredentialRetrieverFactory.forImage(image, jibLog, env);
    List<Named> retrievers = new ArrayList<>();
    for (Path config : dockerConfigs()) {
      retrievers.add(new Named("Docker config " + config, config.getFileName().toString()
          .equals(".dockercfg") ? factory.legacyDockerConfig(config) : factory.dockerConfig(config)));
    }
    retrievers.add(new Named("a well-known credential helper", factory.wellKnownCredentialHelpers()));
    for (Named named : retrievers) {
      try {
        Optional<Credential> c = named.retriever().retrieve();
        if (c.isPresent()) {
          debug.accept("Using registry credentials from " + named.name());
          return Optional.of(new RegistryCredential(c.get().getUsername(), c.get().getPassword(),
              named.name()));
        }
      } catch (CredentialRetrievalException e) {
        throw ResolveException.user("reading credentials for " + image.getRegistry() + " from "
            + named.name() + " failed: " + e.getMessage());
      }
    }
    return Optional.empty();
  }

  private List<Path> dockerConfigs() {
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
