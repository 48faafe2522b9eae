package com.kitchencpq.paramkernel.plugin.registry;

import com.google.cloud.tools.jib.api.ImageReference;
import com.kitchencpq.paramkernel.plugin.core.GoalException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Finds the credential for one registry, in this order: the Maven {@code settings.xml} server
 * (handed in by the Mojo), {@code PARAMKERNEL_REGISTRY_USERNAME}/{@code _PASSWORD}, then Docker
 * config files and credential helpers ({@link DockerCredentials}, jib-core's work). The lookup runs
 * once, and only when a registry asks for credentials; jib's image reference is only needed (and
 * made) for the Docker part.
 */
public final class CredentialLookup {
  public static final String ENV_USERNAME = "PARAMKERNEL_REGISTRY_USERNAME";
  public static final String ENV_PASSWORD = "PARAMKERNEL_REGISTRY_PASSWORD";

  private final String registry;
  private final ImageReference reference;
  private final String image;
  private final Function<List<String>, Optional<RegistryCredential>> settings;
  private final Map<String, String> env;
  private final Path userHome;
  private final Consumer<String> debug;
  private Optional<RegistryCredential> found;

  /**
   * @param settings the decrypted settings.xml server with the first of the given ids, if any;
   *     asked only when a registry wants credentials, with {@link #serverIds}
   * @param userHome the user's home directory ({@code user.home})
   */
  public CredentialLookup(
      ImageReference image,
      Function<List<String>, Optional<RegistryCredential>> settings,
      Map<String, String> env,
      Path userHome,
      Consumer<String> debug) {
    this(image.getRegistry(), image, null, settings, env, userHome, debug);
  }

  /**
   * For an image named by text that {@link ImageName#parse} accepted; jib parses it only when
   * Docker configs are read.
   */
  public CredentialLookup(
      ImageName name,
      String image,
      Function<List<String>, Optional<RegistryCredential>> settings,
      Map<String, String> env,
      Path userHome,
      Consumer<String> debug) {
    this(name.registry(), null, image, settings, env, userHome, debug);
  }

  private CredentialLookup(
      String registry,
      ImageReference reference,
      String image,
      Function<List<String>, Optional<RegistryCredential>> settings,
      Map<String, String> env,
      Path userHome,
      Consumer<String> debug) {
    this.registry = registry;
    this.reference = reference;
    this.image = image;
    this.settings = settings;
    this.env = Map.copyOf(env);
    this.userHome = userHome;
    this.debug = debug;
  }

  /** What the user can configure, for messages. */
  public String howToConfigure() {
    return "a <server> with id '"
        + registry
        + "' in Maven settings.xml, the environment"
        + " variables "
        + ENV_USERNAME
        + "/"
        + ENV_PASSWORD
        + ", or a Docker login"
        + " (config.json in $DOCKER_CONFIG or ~/.docker, or a credential helper)";
  }

  /** The credential, or empty when no source has one for this registry. */
  public synchronized Optional<RegistryCredential> find() throws GoalException {
    if (found == null) {
      found = lookup();
    }
    return found;
  }

  private Optional<RegistryCredential> lookup() throws GoalException {
    Optional<RegistryCredential> fromSettings = settings.apply(serverIds(registry));
    if (fromSettings.isPresent()) {
      return fromSettings;
    }
    String user = env.getOrDefault(ENV_USERNAME, "");
    String password = env.getOrDefault(ENV_PASSWORD, "");
    if (!user.isEmpty() && !password.isEmpty()) {
      return Optional.of(new RegistryCredential(user, password, "environment " + ENV_USERNAME));
    }
    if (!user.isEmpty() || !password.isEmpty()) {
      throw GoalException.user(
          "only one of " + ENV_USERNAME + " and " + ENV_PASSWORD + " is set; set both or neither");
    }
    ImageReference jibReference =
        reference != null ? reference : DockerCredentials.reference(image);
    return DockerCredentials.find(jibReference, env, userHome, debug);
  }

  /** The settings.xml server ids that count for this registry, most specific first. */
  static List<String> serverIds(String registry) {
    List<String> ids = new ArrayList<>();
    ids.add(registry);
    int colon = registry.lastIndexOf(':');
    if (colon > 0 && !registry.endsWith("]")) {
      ids.add(registry.substring(0, colon));
    }
    if (registry.equals("registry-1.docker.io")) {
      ids.addAll(List.of("docker.io", "index.docker.io", "registry.hub.docker.com"));
    }
    return ids;
  }
}
