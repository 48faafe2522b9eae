package com.kitchencpq.paramkernel.plugin.cluster;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The API server double for one Maven Invoker case, in a JVM of its own ({@link
 * ApiServerDoubleMain}) so that it outlives the hook script that starts it. The case's {@code
 * prebuild.groovy} starts it (it writes {@code kubeconfig} into the case directory and {@code
 * api-server.properties} with its address and pid); {@code verify.groovy} reads what it recorded
 * and stops it. Hook scripts may run in different class loaders, so all state travels in files. The
 * double stops by itself when the JVM that started it ends, or after 15 minutes.
 */
public final class InvokerApiServer {
  static final String STATE = "api-server.properties";
  static final String REQUESTS = "api-server-requests.log";
  static final String STOP = "api-server.stop";
  static final String PLAYED = "api-server.played";

  /** The bearer token of the case's kubeconfig; verify scripts check it never reaches the log. */
  public static final String TOKEN = "pk-secret-token-7c1d9e";

  private InvokerApiServer() {}

  /**
   * Starts the double for the case.
   *
   * @param scenario {@code none}, or a {@link ControllerSimulation.Scenario} name in lower case
   *     with dashes ({@code completes}, {@code aborted-by-analysis}, {@code paused-inconclusive})
   *     the double plays once the Rollout exists
   * @param seed apply the shipped bundle before the build starts (for cases without apply)
   */
  public static Properties start(File basedir, String scenario, boolean seed) {
    return start(basedir, scenario, seed, true);
  }

  /**
   * Like {@link #start(File, String, boolean)}; without {@code handshake} the scenario is played at
   * once (it needs a seeded Rollout) and this returns when it has been played, so the case's build
   * starts from the state it leaves.
   */
  public static Properties start(File basedir, String scenario, boolean seed, boolean handshake) {
    Path dir = basedir.toPath();
    try {
      Files.deleteIfExists(dir.resolve(STATE));
      List<String> command = new ArrayList<>();
      command.add(ProcessHandle.current().info().command().orElse("java"));
      command.add("-Xmx256m");
      command.add("-cp");
      command.add(classPath());
      command.add(ApiServerDoubleMain.class.getName());
      command.add(dir.toAbsolutePath().toString());
      command.add(scenario);
      command.add(Boolean.toString(seed));
      command.add(Long.toString(ProcessHandle.current().pid()));
      command.add(Boolean.toString(handshake));
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("api-server.log").toFile())
              .start();
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      Path ready = handshake || "none".equals(scenario) ? dir.resolve(STATE) : dir.resolve(PLAYED);
      while (!Files.exists(ready)) {
        if (!process.isAlive()) {
          throw new IllegalStateException(
              "the API server double exited: see " + dir.resolve("api-server.log"));
        }
        if (System.nanoTime() > end) {
          process.destroyForcibly();
          throw new IllegalStateException("the API server double did not start within 60 s");
        }
        Thread.sleep(50);
      }
      return state(basedir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Writes the shipped bundle, rendered with a fixed digest, and a digest.json with the given
   * {@code source} to {@code artifacts/param-kernel/} of the case: what a deploy job leaves.
   */
  public static void writeBundle(File basedir, String source) throws Exception {
    ShippedBundle.write(
        basedir.toPath().resolve("artifacts/param-kernel"), ShippedBundle.DIGEST, source);
  }

  /** What the double recorded at start: {@code url}, {@code pid}. */
  public static Properties state(File basedir) {
    Properties p = new Properties();
    try (var in = Files.newBufferedReader(basedir.toPath().resolve(STATE))) {
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "no " + STATE + " in " + basedir + " (did prebuild.groovy run?)", e);
    }
    return p;
  }

  /**
   * The requests the double answered, one line each: {@code METHOD path content-type} then the
   * body. The double appends them every 100 ms, so this waits (up to 5 s) until the log has not
   * grown for 500 ms: the requests of the build that just ended are all in it.
   */
  public static String requests(File basedir) throws IOException, InterruptedException {
    Path file = basedir.toPath().resolve(REQUESTS);
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    long size = Files.exists(file) ? Files.size(file) : -1;
    while (System.nanoTime() < end) {
      Thread.sleep(500);
      long now = Files.exists(file) ? Files.size(file) : -1;
      if (now == size) {
        break;
      }
      size = now;
    }
    return Files.exists(file) ? Files.readString(file) : "";
  }

  /**
   * The stored object at an API path as JSON text ({@code null} when absent), via the double's
   * client API. The read is itself a request of the double's log: take {@link #requests} first.
   */
  public static String stored(File basedir, String path) throws Exception {
    Properties state = state(basedir);
    var client = java.net.http.HttpClient.newHttpClient();
    var response =
        client.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(state.getProperty("url") + path))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    return response.statusCode() == 200 ? response.body() : null;
  }

  /** Stops the case's double (and waits for it); does nothing when none was started. */
  public static void stop(File basedir) throws IOException, InterruptedException {
    Path dir = basedir.toPath();
    if (!Files.exists(dir.resolve(STATE))) {
      return;
    }
    Files.writeString(dir.resolve(STOP), "stop");
    long pid = Long.parseLong(state(basedir).getProperty("pid"));
    var handle = ProcessHandle.of(pid);
    if (handle.isPresent()) {
      try {
        handle.get().onExit().get(20, TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        handle.get().destroyForcibly();
      }
    }
  }

  /** The class path of the hook scripts (the plugin's test class path). */
  private static String classPath() {
    List<String> entries = new ArrayList<>();
    for (ClassLoader l = InvokerApiServer.class.getClassLoader(); l != null; l = l.getParent()) {
      if (l instanceof URLClassLoader u) {
        for (URL url : u.getURLs()) {
          try {
            String entry = Path.of(url.toURI()).toString();
            if (!entries.contains(entry)) {
              entries.add(entry);
            }
          } catch (URISyntaxException | IllegalArgumentException e) {
            // not a file: skip
          }
        }
      }
    }
    String own = System.getProperty("java.class.path", "");
    if (entries.isEmpty() && !own.isEmpty()) {
      return own;
    }
    return String.join(File.pathSeparator, entries);
  }
}
