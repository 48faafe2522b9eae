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
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real Docker registry (Debian's {@code docker-registry}, distribution 2.8) on a free 127.0.0.1
 * port with storage in a fresh temporary directory, optionally behind htpasswd basic
 * authentication, or over https with a self-signed certificate. Use it with try-with-resources or
 * close it in {@code @AfterAll}: closing stops the process tree and deletes the directory. A JVM
 * shutdown hook does the same if a caller forgets, so no registry outlives the test JVM.
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
  private final boolean tls;
  private final Process process;
  private final Thread shutdownHook;
  private volatile boolean closed;

  private LocalRegistry(Path directory, Path log, int port, Settings settings, Process process) {
    this.directory = directory;
    this.log = log;
    this.port = port;
    this.username = settings.username();
    this.password = settings.password();
    this.tls = settings.tls();
    this.process = process;
    this.shutdownHook = new Thread(this::stopQuietly, "local-registry-" + port + "-stop");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /** How one registry process is set up; storage null means its own fresh storage. */
  private record Settings(String username, String password, boolean tls, Path storage) {}

  /** A registry without authentication. */
  public static LocalRegistry start() {
    return start(new Settings(null, null, false, null));
  }

  /** A registry that requires basic authentication with this user and password. */
  public static LocalRegistry startWithBasicAuth(String username, String password) {
    if (username == null || password == null) {
      throw new IllegalArgumentException("username and password are required");
    }
    return start(new Settings(username, password, false, null));
  }

  /**
   * A registry over https only, with a self-signed certificate for 127.0.0.1 (made with the JDK's
   * keytool), serving the storage of {@code source}: push to {@code source} over http, read the
   * same images here over https. A client that trusts only the default CAs fails the handshake;
   * plain http gets the registry's "400 Bad Request".
   */
  public static LocalRegistry startWithTls(LocalRegistry source) {
    return start(new Settings(null, null, true, source.directory.resolve("data")));
  }

  private static LocalRegistry start(Settings settings) {
    Path binary = TestBinaries.require("docker-registry", "docker-registry");
    IllegalStateException last = null;
    for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
      Path dir;
      try {
        dir = Files.createTempDirectory("pk-registry-");
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create a temporary directory for the registry", e);
      }
      int port = FreePorts.loopback();
      try {
        return launch(binary, dir, port, settings);
      } catch (IllegalStateException e) {
        TempDirs.deleteQuietly(dir);
        last = e;
        // Most likely the port was taken between probing and binding: try another one.
      }
    }
    throw last;
  }

  private static LocalRegistry launch(Path binary, Path dir, int port, Settings settings) {
    Path log = dir.resolve("registry.log");
    Process process = null;
    try {
      Path config = dir.resolve("config.yml");
      Files.writeString(config, config(dir, port, settings), StandardCharsets.UTF_8);
      if (settings.username() != null) {
        Files.writeString(
            dir.resolve("htpasswd"),
            htpasswdLine(settings.username(), settings.password()),
            StandardCharsets.UTF_8);
      }
      if (settings.tls()) {
        writeSelfSignedCertificate(dir);
      }
      process =
          new ProcessBuilder(binary.toString(), "serve", config.toString())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      LocalRegistry registry = new LocalRegistry(dir, log, port, settings, process);
      try {
        registry.awaitReady();
      } catch (RuntimeException e) {
        registry.close();
        throw e;
      }
      return registry;
    } catch (IOException e) {
      ManagedProcess.stopTree(process);
      throw new IllegalStateException(
          "cannot start docker-registry: "
              + e.getMessage()
              + "\n--- registry log ---\n"
              + ManagedProcess.tail(log, 30),
          e);
    }
  }

  private static String config(Path dir, int port, Settings settings) {
    Path storage = settings.storage() == null ? dir.resolve("data") : settings.storage();
    StringBuilder yaml =
        new StringBuilder()
            .append("version: 0.1\n")
            .append("log:\n  level: info\n  accesslog:\n    disabled: false\n")
            .append("storage:\n  filesystem:\n    rootdirectory: ")
            .append(storage)
            .append('\n')
            .append("  delete:\n    enabled: true\n")
            .append("http:\n  addr: 127.0.0.1:")
            .append(port)
            .append('\n')
            .append("  secret: ")
            .append(UUID.randomUUID())
            .append('\n');
    if (settings.tls()) {
      yaml.append("  tls:\n    certificate: ")
          .append(dir.resolve("tls.crt"))
          .append("\n    key: ")
          .append(dir.resolve("tls.key"))
          .append('\n');
    }
    if (settings.username() != null) {
      yaml.append("auth:\n  htpasswd:\n    realm: paramkernel-test\n    path: ")
          .append(dir.resolve("htpasswd"))
          .append('\n');
    }
    return yaml.toString();
  }

  /**
   * A self-signed EC certificate for 127.0.0.1 and localhost, valid for two days, as the PEM files
   * {@code tls.crt} and {@code tls.key} the registry reads. keytool makes the key pair in a PKCS#12
   * store; the PEM files are written from that store.
   */
  private static void writeSelfSignedCertificate(Path dir) throws IOException {
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Path store = dir.resolve("tls.p12");
    char[] pass = UUID.randomUUID().toString().toCharArray();
    Process p =
        new ProcessBuilder(
                keytool.toString(),
                "-genkeypair",
                "-alias",
                "registry",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=127.0.0.1",
                "-ext",
                "SAN=ip:127.0.0.1,dns:localhost",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                store.toString(),
                "-storepass",
                new String(pass),
                "-keypass",
                new String(pass))
            .redirectErrorStream(true)
            .start();
    try {
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("keytool did not finish within 60 s");
      }
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.exitValue() != 0) {
        throw new IllegalStateException("keytool failed (exit " + p.exitValue() + "): " + out);
      }
      KeyStore keys = KeyStore.getInstance("PKCS12");
      try (var in = Files.newInputStream(store)) {
        keys.load(in, pass);
      }
      Certificate certificate = keys.getCertificate("registry");
      PrivateKey key = (PrivateKey) keys.getKey("registry", pass);
      Files.writeString(dir.resolve("tls.crt"), pem("CERTIFICATE", certificate.getEncoded()));
      Files.writeString(dir.resolve("tls.key"), pem("PRIVATE KEY", key.getEncoded()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      throw new IllegalStateException("interrupted while running keytool", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot read the key store keytool wrote", e);
    }
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  /** One bcrypt htpasswd line, made by Apache's {@code htpasswd -Bbn}. */
  private static String htpasswdLine(String username, String password) throws IOException {
    Path htpasswd = TestBinaries.require("htpasswd", "apache2-utils");
    Process p =
        new ProcessBuilder(htpasswd.toString(), "-Bbn", username, password)
            .redirectErrorStream(true)
            .start();
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
        throw new IllegalStateException(
            "docker-registry exited with code "
                + process.exitValue()
                + " before answering on 127.0.0.1:"
                + port
                + "\n--- registry log ---\n"
                + logTail());
      }
      try {
        HttpResponse<Void> response =
            client.send(
                HttpRequest.newBuilder(uri("/v2/")).timeout(Duration.ofSeconds(1)).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        // Over plain http a TLS registry answers 400 ("HTTP request to an HTTPS server").
        int expected = tls ? 400 : username == null ? 200 : 401;
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
    throw new IllegalStateException(
        "docker-registry on 127.0.0.1:"
            + port
            + " not ready within "
            + STARTUP_TIMEOUT.toSeconds()
            + " s ("
            + lastProblem
            + ")\n--- registry log ---\n"
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
    return ManagedProcess.tail(log, 40);
  }

  /** The registry process id, so a later script in another class loader can stop it. */
  public long pid() {
    return process.pid();
  }

  /**
   * Stops a registry started elsewhere (an invoker pre-build hook) by its process id and deletes
   * its directory. Safe to call twice.
   */
  public static void stop(long pid, Path directory) {
    ProcessHandle.of(pid)
        .ifPresent(
            handle -> {
              List<ProcessHandle> children = handle.descendants().toList();
              children.forEach(ProcessHandle::destroy);
              handle.destroy();
              try {
                handle.onExit().get(5, TimeUnit.SECONDS);
              } catch (Exception e) {
                handle.destroyForcibly();
              }
              children.stream()
                  .filter(ProcessHandle::isAlive)
                  .forEach(ProcessHandle::destroyForcibly);
            });
    TempDirs.deleteQuietly(directory);
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
    ManagedProcess.stopTree(process);
    TempDirs.deleteQuietly(directory);
  }

  @Override
  public String toString() {
    return "LocalRegistry["
        + hostPort()
        + (username == null ? "" : ", basic auth")
        + (tls ? ", https" : "")
        + "]";
  }

  /** All lines of the log, e.g. to count requests in a test. */
  public List<String> logLines() {
    try {
      return Files.exists(log)
          ? Files.readAllLines(log, StandardCharsets.UTF_8)
          : new ArrayList<>();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
