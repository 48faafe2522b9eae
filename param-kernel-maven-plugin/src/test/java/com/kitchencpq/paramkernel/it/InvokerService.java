package com.kitchencpq.paramkernel.it;

import com.kitchencpq.paramkernel.testkit.FreePorts;
import com.kitchencpq.paramkernel.testkit.InvokerCaseState;
import com.kitchencpq.paramkernel.testkit.ManagedProcess;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The real param-kernel-service for one invoker case of the {@code warmup} goal: its own {@code
 * Main} in a JVM of its own on a free 127.0.0.1 port, from the plugin's test class path (which
 * holds the service's classes, see the plugin's POM: the service's jar is built after the plugin).
 * {@code prebuild.groovy} starts it and points the case's build at it through {@code
 * .mvn/maven.config}; {@code verify.groovy} stops it. Hook scripts may run in different class
 * loaders, so the state travels in {@code service.properties} in the case directory; a JVM shutdown
 * hook stops the service if no hook gets to.
 */
public final class InvokerService {
  private static final String STATE = "service.properties";
  private static final String MAIN = "com.kitchencpq.paramkernel.service.Main";

  private InvokerService() {}

  /**
   * Starts the service and writes {@code -Dparamkernel.warmup.target=<its URL>} plus {@code
   * extraMavenArgs} to the case's {@code .mvn/maven.config}.
   *
   * @param classpath the {@code serviceClasspath} script variable
   * @return the service's base URL
   */
  public static String start(File basedir, String classpath, List<String> extraMavenArgs) {
    Path dir = basedir.toPath();
    int port = FreePorts.loopback();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process;
    try {
      ProcessBuilder pb =
          new ProcessBuilder(java, "-Xmx256m", "-cp", classpath, MAIN)
              .directory(basedir)
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("service.log").toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      Map<String, String> env = pb.environment();
      env.put("HOST", "127.0.0.1");
      env.put("PORT", Integer.toString(port));
      // stop at once when verify.groovy is done: no drain, a short grace
      env.put("SHUTDOWN_DRAIN_SECONDS", "0");
      env.put("SHUTDOWN_GRACE_SECONDS", "2");
      process = pb.start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start param-kernel-service", e);
    }
    Process started = process;
    Runtime.getRuntime().addShutdownHook(new Thread(() -> ManagedProcess.stopTree(started)));
    String url = "http://127.0.0.1:" + port;
    try {
      awaitReady(process, URI.create(url + "/healthz/ready"), dir.resolve("service.log"));
      Files.createDirectories(dir.resolve(".mvn"));
      StringBuilder config = new StringBuilder("-Dparamkernel.warmup.target=" + url + "\n");
      extraMavenArgs.forEach(a -> config.append(a).append('\n'));
      Files.writeString(dir.resolve(".mvn/maven.config"), config, StandardCharsets.UTF_8);
      Properties state = new Properties();
      state.setProperty("pid", Long.toString(process.pid()));
      state.setProperty("url", url);
      InvokerCaseState.write(basedir, STATE, state, "param-kernel-service of this invoker case");
      return url;
    } catch (IOException | RuntimeException e) {
      ManagedProcess.stopTree(process);
      throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
    }
  }

  private static void awaitReady(Process process, URI ready, Path log) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "param-kernel-service exited with "
                + process.exitValue()
                + "; log:\n"
                + ManagedProcess.tail(log, 40));
      }
      try {
        HttpURLConnection c = (HttpURLConnection) ready.toURL().openConnection();
        c.setConnectTimeout(500);
        c.setReadTimeout(2000);
        int status = c.getResponseCode();
        c.disconnect();
        if (status == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
    throw new IllegalStateException(
        "param-kernel-service not ready within 60 s; log:\n" + ManagedProcess.tail(log, 40));
  }

  /** The base URL {@link #start} recorded. */
  public static String url(File basedir) {
    return InvokerCaseState.read(basedir, STATE).getProperty("url");
  }

  /** Stops the case's service (SIGTERM, then SIGKILL after 10 s); nothing when none was started. */
  public static void stop(File basedir) {
    if (!InvokerCaseState.exists(basedir, STATE)) {
      return;
    }
    Optional<ProcessHandle> handle =
        ProcessHandle.of(Long.parseLong(InvokerCaseState.read(basedir, STATE).getProperty("pid")));
    handle.ifPresent(
        h -> {
          h.destroy();
          try {
            h.onExit().get(10, TimeUnit.SECONDS);
          } catch (Exception e) {
            h.destroyForcibly();
          }
        });
  }
}
