package com.kitchencpq.paramkernel.testkit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A registry for one Maven Invoker case. The case's {@code prebuild.groovy} starts it, pushes small
 * test images and writes {@code .mvn/maven.config} so the case's build points at it; {@code
 * verify.groovy} stops it. Hook scripts may run in different class loaders, so the state travels in
 * {@code registry.properties} in the case directory. If a hook never runs (the build failed
 * unexpectedly), the registry's JVM shutdown hook still stops it.
 */
public final class InvokerRegistry {
  public static final String REPOSITORY = "kitchen-cpq/param-kernel-service";
  private static final String STATE = "registry.properties";

  private InvokerRegistry() {}

  /**
   * Starts a registry, pushes one image per tag (content = "image for &lt;tag&gt;"), and points the
   * case at it.
   *
   * @param extraMavenArgs further lines for {@code .mvn/maven.config}; {@code {hostPort}} in them
   *     becomes the registry's {@code 127.0.0.1:<port>}
   * @return tag to pushed digest
   */
  public static Map<String, String> start(
      File basedir, List<String> tags, List<String> extraMavenArgs) {
    return start(LocalRegistry.start(), basedir, tags, extraMavenArgs);
  }

  /** Like {@link #start(File, List, List)} with a registry behind htpasswd basic auth. */
  public static Map<String, String> startWithBasicAuth(
      File basedir,
      String username,
      String password,
      List<String> tags,
      List<String> extraMavenArgs) {
    return start(
        LocalRegistry.startWithBasicAuth(username, password), basedir, tags, extraMavenArgs);
  }

  private static Map<String, String> start(
      LocalRegistry registry, File basedir, List<String> tags, List<String> extraMavenArgs) {
    try {
      Map<String, String> digests = new LinkedHashMap<>();
      for (String tag : tags) {
        digests.put(
            tag,
            TestImages.push(
                registry.hostPort(),
                REPOSITORY,
                TestImages.image("image for " + tag, "amd64"),
                registry.username(),
                registry.password(),
                tag));
      }
      Path dir = basedir.toPath();
      Files.createDirectories(dir.resolve(".mvn"));
      StringBuilder config =
          new StringBuilder()
              .append("-Dparamkernel.image=")
              .append(registry.hostPort())
              .append('/')
              .append(REPOSITORY)
              .append('\n')
              .append("-Dparamkernel.allowInsecureRegistries=true\n");
      extraMavenArgs.forEach(
          a -> config.append(a.replace("{hostPort}", registry.hostPort())).append('\n'));
      Files.writeString(
          dir.resolve(".mvn/maven.config"), config.toString(), StandardCharsets.UTF_8);
      Properties state = new Properties();
      state.setProperty("pid", Long.toString(registry.pid()));
      state.setProperty("directory", registry.directory().toString());
      state.setProperty("hostPort", registry.hostPort());
      digests.forEach((tag, digest) -> state.setProperty("digest." + tag, digest));
      InvokerCaseState.write(basedir, STATE, state, "registry of this invoker case");
      return digests;
    } catch (IOException | RuntimeException e) {
      registry.close();
      throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
    }
  }

  /** What {@link #start} recorded. */
  public static Properties state(File basedir) {
    return InvokerCaseState.read(basedir, STATE);
  }

  /** Stops the case's registry; does nothing when none was started. */
  public static void stop(File basedir) {
    if (!InvokerCaseState.exists(basedir, STATE)) {
      return;
    }
    Properties state = state(basedir);
    LocalRegistry.stop(
        Long.parseLong(state.getProperty("pid")), Path.of(state.getProperty("directory")));
  }
}
