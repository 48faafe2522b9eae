package com.kitchencpq.paramkernel.plugin.digest;

import com.google.cloud.tools.jib.api.ImageReference;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Finds the credential for one registry, in this order: the Maven {@code settings.xml} server
 * (handed in by the Mojo), {@code PARAMKERNEL_REGISTRY_USERNAME}/{@code _PASSWORD}, then
 * Docker config files and credential helpers ({@link DockerCredentials}, jib-core's work). The
 * lookup runs once, and only when a registry asks for credentials; jib's image reference is
 * only needed (and made) for the Docker part.
 */
public final class CredentialLookup {
  public static final String ENV_USERNAME = "PARAMKERNEL_REGISTRY_USERNAME";
  public static final String ENV_PASSWORD = "PARAMKERNEL_REGISTRY_PASSWORD";

  private final String registry;
  private final ImageReference reference;
  private final String image;
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
    this(image.getRegistry(), image, null, fromSettings, env, userHome, debug);
  }

  /**
   * For an image named by text that {@link ImageName#parse} accepted; jib parses it only when
   * Docker configs are read.
   */
  public CredentialLookup(ImageName name, String image, Optional<RegistryCredential> fromSettings,
      Map<String, String> env, Path userHome, Consumer<String> debug) {
    this(name.registry(), null, image, fromSettings, env, userHome, debug);
  }

  private CredentialLookup(String registry, ImageReference reference, String image,
      Optional<RegistryCredential> fromSettings, Map<String, String> env, Path userHome,
      Consumer<String> debug) {
    this.registry = registry;
    this.reference = reference;
    this.image = image;
    this.fromSettings = fromSettings;
    this.env = Map.copyOf(env);
    this.userHome = userHome;
    this.debug = debug;
  }

  /** What the user can configure, for messages. */
  public String howToConfigure() {
    return "a <server> with id '" + registry + "' in Maven settings.xml, the environment"
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
    ImageReference jibReference = reference != null ? reference : DockerCredentials.reference(image);
    return DockerCredentials.find(jibReference, env, userHome, debug);
  }
}
