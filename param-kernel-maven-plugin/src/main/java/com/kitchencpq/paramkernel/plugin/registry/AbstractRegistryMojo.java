package com.kitchencpq.paramkernel.plugin.registry;

import com.kitchencpq.paramkernel.plugin.core.AbstractParamKernelMojo;
import com.kitchencpq.paramkernel.plugin.core.Log;
import com.kitchencpq.paramkernel.plugin.core.PropertyNames;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * What the goals that talk to an image registry (resolve-digest, image) share: the image
 * repository, the two insecure-registry switches, the credentials from settings.xml, and the
 * masking of secrets ({@link Secrets}) in everything the goal logs or fails with.
 */
public abstract class AbstractRegistryMojo extends AbstractParamKernelMojo {

  /** Image repository, with the registry host when it is not Docker Hub. */
  @Parameter(property = PropertyNames.IMAGE, defaultValue = "kitchen-cpq/param-kernel-service")
  protected String image;

  @Parameter(property = PropertyNames.ALLOW_INSECURE_REGISTRIES, defaultValue = "false")
  protected boolean allowInsecureRegistries;

  /**
   * Also send credentials over plain http to hosts other than loopback. Applies to this goal's own
   * requests only: the image goal's push is told per build (see {@code LayoutPush}), and no
   * JVM-wide system property is set.
   */
  @Parameter(property = PropertyNames.SEND_CREDENTIALS_OVER_HTTP, defaultValue = "false")
  protected boolean sendCredentialsOverHttp;

  @Parameter(defaultValue = "${settings}", readonly = true)
  protected Settings settings;

  @Inject protected SettingsDecrypter decrypter;

  /** The credentials this goal has seen, in every form they take ({@link Secrets#renderings}). */
  private final Set<String> secrets = ConcurrentHashMap.newKeySet();

  /**
   * The core's log, masking {@link #masked secrets}: the known credentials everywhere, and any
   * value where a credential is written. Debug lines are masked only when debug is on, so a run
   * without {@code -X} pays nothing for them.
   */
  @Override
  protected Log coreLog() {
    Log maven = super.coreLog();
    return new Log() {
      @Override
      public void info(String message) {
        maven.info(masked(message));
      }

      @Override
      public void warn(String message) {
        maven.warn(masked(message));
      }

      @Override
      public void debug(String message) {
        if (getLog().isDebugEnabled()) {
          maven.debug(masked(message));
        }
      }
    };
  }

  /**
   * {@code text} with the secrets this goal knows of (the {@code PARAMKERNEL_REGISTRY_*}
   * credential, settings.xml servers it read) and every value in a credential's place masked. Goals
   * pass their failure messages through it.
   */
  protected String masked(String text) {
    String user = environment.getOrDefault(PropertyNames.ENV_REGISTRY_USERNAME, "");
    String password = environment.getOrDefault(PropertyNames.ENV_REGISTRY_PASSWORD, "");
    if (!password.isEmpty()) {
      secrets.addAll(Secrets.renderings(new RegistryCredential(user, password, "environment")));
    }
    return Secrets.redact(text, secrets);
  }

  /**
   * {@link #serverCredential} as the core asks for it. A class rather than a method reference:
   * resolve-digest's first call in a JVM is measured, and a lambda costs milliseconds there ({@code
   * docs/digest-benchmark.md}, "What changed for these numbers": 1-4 ms each, cold).
   */
  protected Function<List<String>, Optional<RegistryCredential>> settingsServers() {
    return new SettingsServers();
  }

  private final class SettingsServers
      implements Function<List<String>, Optional<RegistryCredential>> {
    @Override
    public Optional<RegistryCredential> apply(List<String> ids) {
      return serverCredential(ids);
    }
  }

  /** The decrypted settings.xml {@code <server>} with the first matching id, as a credential. */
  protected Optional<RegistryCredential> serverCredential(List<String> ids) {
    if (settings == null) {
      return Optional.empty();
    }
    for (String id : ids) {
      Server server = settings.getServer(id);
      if (server == null || server.getUsername() == null) {
        continue;
      }
      Server decrypted = server;
      if (decrypter != null) {
        SettingsDecryptionResult result =
            decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        if (result.getServer() != null) {
          decrypted = result.getServer();
        }
        String encrypted = server.getPassword();
        if (encrypted != null && !encrypted.isEmpty()) {
          secrets.add(encrypted);
        }
        result
            .getProblems()
            .forEach(
                p -> getLog().warn(masked("settings.xml server '" + id + "': " + p.getMessage())));
      }
      String password = decrypted.getPassword() == null ? "" : decrypted.getPassword();
      RegistryCredential credential =
          new RegistryCredential(
              decrypted.getUsername(), password, "settings.xml server '" + id + "'");
      secrets.addAll(Secrets.renderings(credential));
      return Optional.of(credential);
    }
    return Optional.empty();
  }
}
