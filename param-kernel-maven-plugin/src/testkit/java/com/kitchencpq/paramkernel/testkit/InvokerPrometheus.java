package com.kitchencpq.paramkernel.testkit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

/**
 * A Prometheus for one Maven Invoker case of the {@code analyze} goal. The case's {@code
 * prebuild.groovy} starts it (optionally on a backfilled history) and appends {@code
 * -Dparamkernel.prometheusAddress=<its URL>} and any further lines to the case's {@code
 * .mvn/maven.config}; {@code verify.groovy} stops it. Hook scripts may run in different class
 * loaders, so the state travels in {@code prometheus.properties} in the case directory; a JVM
 * shutdown hook stops it if no hook gets to.
 */
public final class InvokerPrometheus {
  private static final String STATE = "prometheus.properties";

  private InvokerPrometheus() {}

  /**
   * Starts Prometheus, waits until {@code targets} are up, and points the case at it.
   *
   * @param history OpenMetrics scrapes to backfill first, or null
   * @param extraMavenArgs further lines for {@code .mvn/maven.config}; {@code {url}} in them
   *     becomes the Prometheus URL
   * @return the Prometheus URL
   */
  public static String start(
      File basedir,
      String history,
      List<LocalPrometheus.Target> targets,
      Duration scrapeInterval,
      List<String> extraMavenArgs) {
    LocalPrometheus prom =
        history == null
            ? LocalPrometheus.start(targets, scrapeInterval)
            : LocalPrometheus.startWithHistory(history, targets, scrapeInterval);
    long pid = prom.pid();
    Path directory = prom.directory();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> LocalPrometheus.stop(pid, directory)));
    try {
      if (!targets.isEmpty()) {
        prom.awaitTargetsUp(targets.size(), Duration.ofSeconds(60));
      }
      Path dir = basedir.toPath();
      Files.createDirectories(dir.resolve(".mvn"));
      StringBuilder config =
          new StringBuilder("-Dparamkernel.prometheusAddress=" + prom.url() + "\n");
      extraMavenArgs.forEach(a -> config.append(a.replace("{url}", prom.url())).append('\n'));
      Files.writeString(
          dir.resolve(".mvn/maven.config"),
          config.toString(),
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
      Properties state = new Properties();
      state.setProperty("pid", Long.toString(pid));
      state.setProperty("directory", directory.toString());
      state.setProperty("url", prom.url());
      InvokerCaseState.write(basedir, STATE, state, "Prometheus of this invoker case");
      return prom.url();
    } catch (IOException | RuntimeException e) {
      prom.close();
      throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
    }
  }

  /** The URL {@link #start} recorded. */
  public static String url(File basedir) {
    return InvokerCaseState.read(basedir, STATE).getProperty("url");
  }

  /** Stops the case's Prometheus; does nothing when none was started. */
  public static void stop(File basedir) {
    if (!InvokerCaseState.exists(basedir, STATE)) {
      return;
    }
    Properties state = InvokerCaseState.read(basedir, STATE);
    LocalPrometheus.stop(
        Long.parseLong(state.getProperty("pid")), Path.of(state.getProperty("directory")));
  }
}
