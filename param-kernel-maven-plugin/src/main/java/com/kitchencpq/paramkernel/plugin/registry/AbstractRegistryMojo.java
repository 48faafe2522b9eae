package com.kitchencpq.paramkernel.plugin.registry;

import com.kitchencpq.paramkernel.plugin.core.AbstractParamKernelMojo;
import com.kitchencpq.paramkernel.plugin.core.PropertyNames;
import java.util.List;
import java.util.Optional;
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
 * repository, the two insecure-registry switches and the credentials from settings.xml.
 */
public abstract class AbstractRegistryMojo extends AbstractParamKernelMojo {

  /** Image repository, with the registry host when it is not Docker Hub. */
  @Parameter(property = PropertyNames.IMAGE, defaultValue = "kitchen-cpq/param-kernel-service")
  protected String image;

  @Parameter(property = PropertyNames.ALLOW_INSECURE_REGISTRIES, defaultValue = "false")
  protected boolean allowInsecureRegistries;

  /**
   * Also send credentials over plain http to hosts other than loopback. Applies to this goal's
   * own requests only: the image goal's push is told per build (see {@code LayoutPush}), and no
   * JVM-wide system property is set.
   */
  @Parameter(property = PropertyNames.SEND_CREDENTIALS_OVER_HTTP, defaultValue = "false")
  protected boolean sendCredentialsOverHttp;

  @Parameter(defaultValue = "${settings}", readonly = true)
  protected Settings settings;

  @Inject
  protected SettingsDecrypter decrypter;

  /**
   * {@link #serverCredential} as the core asks for it. A class rather than a method reference:
   * resolve-digest's first call in a JVM is measured, and a lambda costs milliseconds there
   * ({@code docs/digest-benchmark.md}, "What changed for these numbers": 1-4 ms each, cold).
   */
  protected Function<List<String>, Optional<RegistryCredential>> settingsServers() {
    return new SettingsServers();
  }

  private final class SettingsServers implements Function<List<String>, Optional<RegistryCredential>> {
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
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        if (result.getServer() != null) {
          decrypted = result.getServer();
        }
        result.getProblems().forEach(p -> getLog().warn("settings.xml server '" + id + "': "
            + p.getMessage()));
      }
      String password = decrypted.getPassword() == null ? "" : decrypted.getPassword();
      return Optional.of(new RegistryCredential(decrypted.getUsername(), password,
          "settings.xml server '" + id + "'"));
    }
    return Optional.empty();
  }
}
