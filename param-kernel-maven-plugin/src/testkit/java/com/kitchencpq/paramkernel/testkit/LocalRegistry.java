package com.kitchencpq.paramkernel.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real Docker registry (Debian's {@code docker-registry}, distribution 2.8) on a free
 * 127.0.0.1 port with storage in a fresh temporary directory, optionally behind htpasswd basic
 * authentication. Use it with try-with-resources or close it in {@code @AfterAll}: closing
 * stops the process tree and deletes the directory. A JVM shutdown hook does the same if a
 * caller forgets, so no registry outlives the test JVM.
 *
 * <p>All waits are bounded. When the binary is missing, {@link #start()} fails with the Debian
 * package to install; when the registry does not come up, with the tail of its log.
 */
public final class LocalRegistry implements AutoCloseable {
  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(20);
  private static final int START_ATTEMPTS = 3;

  private final Path directory;
  private final Path log;
  private final int port;
  private final String username;
  private final String password;
  private final Process process;
  private final Thread shutdownHook;
  private volatile boolean closed;

  private LocalRegistry(Path directory, Path log, int port, String username, String password,
      Process process) {
    this.directory = directory;
    this.log = log;
    this.port = port;
    this.username = username;
    this.password = password;
    this.process = process;
    this.shutdownHook = new Thread(this::stopQuietly, "local-registry-" + port + "-stop");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /** A registry without authentication. */
  public static LocalRegistry start() {
    return start(null, null);
  }

  /** A registry that requires basic authentication with this user and password. */
  public static LocalRegistry startWithBasicAuth(String username, String password) {
    if (username == null || password == null) {
      throw new IllegalArgumentException("username and password are required");
    }
    return start(username, password);
  }

  private static LocalRegistry start(String username, String password) {
    Path binary = RegistryKitSupport.binary("docker-registry", "docker-registry");
    IllegalStateException last = null;
    for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
      Path dir;
      try {
        dir = Files.createTempDirectory("pk-registry-");
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create a temporary directory for the registry", e);
      }
      int port = RegistryKitSupport.freePort();
      try {
        return launch(binary, dir, port, username, password);
      } catch (IllegalStateException e) {
        RegistryKitSupport.deleteTree(dir);
        last = e;
        // Most likely the port was taken between probing and binding: try another one.
      }
    }
    throw last;
  }

  private static LocalRegistry launch(Path binary, Path dir, int port, String username,
      String password) {
    Path log = dir.resolve("registry.log");
    Process process = null;
    try {
      Path config = dir.resolve("config.yml");
      Files.writeString(config, config(dir, port, username != null), StandardCharsets.UTF_8);
      if (username != null) {
        Files.writeString(dir.resolve("htpasswd"), htpasswdLine(username, password),
            StandardCharsets.UTF_8);
      }
      process = new ProcessBuilder(binary.toString(), "serve", config.toString())
          .redirectErrorStream(true)
          .redirectOutput(log.toFile())
          .start();
      LocalRegistry registry = new LocalRegistry(dir, log, port, username, password, process);
      try {
        registry.awaitReady();
      } catch (RuntimeException e) {
        registry.close();
        throw e;
      }
      return registry;
    } catch (IOException e) {
      RegistryKitSupport.stopTree(process);
      throw new IllegalStateException("cannot start docker-registry: " + e.getMessage()
          + "\n--- registry log ---\n" + RegistryKitSupport.tail(log, 30), e);
    }
  }

  private static String config(Path dir, int port, boolean auth) {
    StringBuilder yaml = new StringBuilder()
        .append("version: 0.1\n")
        .append("log:\n  level: info\n  accesslog:\n    disabled: false\n")
        .append("storage:\n  filesystem:\n    rootdirectory: ").append(dir.resolve("data")).append('\n')
        .append("  delete:\n    enabled: true\n")
        .append("http:\n  addr: 127.0.0.1:").append(port).append('\n')
        .append("  secret: ").append(UUID.randomUUID()).append('\n');
    if (auth) {
      yaml.append("auth:\n  htpasswd:\n    realm: paramkernel-test\n    path: ")
          .append(dir.resolve("htpasswd")).append('\n');
    }
    return yaml.toString();
  }

  /** One bcrypt htpasswd line, made by Apache's {@code htpasswd -Bbn}. */
  private static String htpasswdLine(String username, String password) throws IOException {
    Path htpasswd = RegistryKitSupport.binary("htpasswd", "apache2-utils");
    Process p = new ProcessBuilder(htpasswd.toString(), "-Bbn", username, password)
        .redirectErrorStream(true).start();
    try {
      if (!p.waitFor(20, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("htpasswd did not finish within 20 s");
      }
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (p.exitValue() != 0 || !out.startsWith(username + ":$2")) {
        throw new IllegalStateException("htpasswd failed (exit " + p.exitValue() + ")");
      }
      return out + "\n";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      throw new IllegalStateException("interrupted while running htpasswd", e);
    }
  }

  private void awaitReady() {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
    String lastProblem = "no answer yet";
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("docker-registry exited with code " + process.exitValue()
            + " before answering on 127.0.0.1:" + port + "\n--- registry log ---\n" + logTail());
      }
      try {
        HttpResponse<Void> response = client.send(
            HttpRequest.newBuilder(uri("/v2/")).timeout(Duration.ofSeconds(1)).GET().build(),
            HttpResponse.BodyHandlers.discarding());
        int expected = username == null ? 200 : 401;
        if (response.statusCode() == expected) {
          return;
        }
        lastProblem = "GET /v2/ answered " + response.statusCode();
      } catch (IOException e) {
        lastProblem = e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the registry", e);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the registry", e);
      }
    }
    throw new IllegalStateException("docker-registry on 127.0.0.1:" + port + " not ready within "
        + STARTUP_TIMEOUT.toSeconds() + " s (" + lastProblem + ")\n--- registry log ---\n"
        + logTail());
  }

  /** {@code 127.0.0.1:<port>}, the registry part of an image reference. */
  public String hostPort() {
    return "127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  /** {@code http://127.0.0.1:<port>} plus the path. */
  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /** The user name of a basic-auth registry, or null. */
  public String username() {
    return username;
  }

  /** The password of a basic-auth registry, or null. */
  public String password() {
    return password;
  }

  public boolean requiresAuth() {
    return username != null;
  }

  /** The registry's combined stdout/stderr log. */
  public Path logFile() {
    return log;
  }

  /** The last 40 lines of the registry log, for failure messages. */
  public String logTail() {
    return RegistryKitSupport.tail(log, 40);
  }

  /** The registry process id, so a later script in another class loader can stop it. */
  public long pid() {
    return process.pid();
  }

  /**
   * Stops a registry started elsewhere (an invoker pre-build hook) by its process id and
   * deletes its directory. Safe to call twice.
   */
  public static void stop(long pid, Path directory) {
    ProcessHandle.of(pid).ifPresent(handle -> {
      List<ProcessHandle> children = handle.descendants().toList();
      children.forEach(ProcessHandle::destroy);
      handle.destroy();
      try {
        handle.onExit().get(5, TimeUnit.SECONDS);
      } catch (Exception e) {
        handle.destroyForcibly();
      }
      children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    });
    RegistryKitSupport.deleteTree(directory);
  }

  /** The temporary directory that holds the config, htpasswd file, storage and log. */
  public Path directory() {
    return directory;
  }

  @Override
  public void close() {
    stopQuietly();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down: the hook is running or has run
    }
  }

  private synchronized void stopQuietly() {
    if (closed) {
      return;
    }
    closed = true;
    RegistryKitSupport.stopTree(process);
    RegistryKitSupport.deleteTree(directory);
  }

  @Override
  public String toString() {
    return "LocalRegistry[" + hostPort() + (username == null ? "" : ", basic auth") + "]";
  }

  /** All lines of the log, e.g. to count requests in a test. */
  public List<String> logLines() {
    try {
      return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : new ArrayList<>();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
