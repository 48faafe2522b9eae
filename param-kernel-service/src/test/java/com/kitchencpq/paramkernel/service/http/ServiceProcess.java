package com.kitchencpq.paramkernel.service.http;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
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
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The executable jar started in a child JVM, with its stdout lines collected. */
final class ServiceProcess implements AutoCloseable {
  /** The service's container JVM flags (the image's), from the parent POM. */
  static final List<String> JVM_FLAGS = JvmFlags.container();

  private static final Pattern LISTENING =
      Pattern.compile("\"event\":\"listening\".*\"port\":(\\d+)");

  final Process process;
  private final List<String> lines = new ArrayList<>();
  private final Thread reader;

  private ServiceProcess(Process process) {
    this.process = process;
    this.reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                  }
                }
              } catch (IOException e) {
                // process gone
              }
            },
            "service-stdout");
    reader.setDaemon(true);
    reader.start();
  }

  static Path jar() {
    String p = System.getProperty("paramkernel.service.jar");
    if (p == null || !Files.isRegularFile(Path.of(p))) {
      throw new IllegalStateException(
          "run with `mvn verify`: the jar (paramkernel.service.jar="
              + p
              + ") is built by the package phase");
    }
    return Path.of(p);
  }

  /** Starts the jar with exactly the service variables given (others removed). */
  static ServiceProcess start(Map<String, String> serviceEnv) throws IOException {
    return start(serviceEnv, List.of());
  }

  /** As {@link #start(Map)}, with JVM flags added after the recommended ones. */
  static ServiceProcess start(Map<String, String> serviceEnv, List<String> extraJvmFlags)
      throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(JVM_FLAGS);
    cmd.addAll(extraJvmFlags);
    cmd.add("-jar");
    cmd.add(jar().toString());
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(false);
    for (String name :
        List.of(
            ServiceConfig.HOST,
            ServiceConfig.PORT,
            ServiceConfig.BODY_LIMIT_BYTES,
            ServiceConfig.SHUTDOWN_GRACE_SECONDS,
            ServiceConfig.SHUTDOWN_DRAIN_SECONDS)) {
      pb.environment().remove(name);
    }
    pb.environment().putAll(serviceEnv);
    pb.redirectError(ProcessBuilder.Redirect.PIPE);
    return new ServiceProcess(pb.start());
  }

  List<String> lines() {
    synchronized (lines) {
      return List.copyOf(lines);
    }
  }

  /** Waits for a stdout line containing {@code text}. */
  String awaitLine(String text, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    synchronized (lines) {
      while (true) {
        for (String l : lines) {
          if (l.contains(text)) {
            return l;
          }
        }
        long left = end - System.nanoTime();
        if (left <= 0 || (!process.isAlive() && !reader.isAlive())) {
          throw new AssertionError("no line with " + text + " in " + lines + diagnostics());
        }
        lines.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
      }
    }
  }

  private String diagnostics() {
    if (!process.isAlive()) {
      return "; process exited with " + process.exitValue();
    }
    try {
      Process jstack =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "jstack").toString(),
                  Long.toString(process.pid()))
              .redirectErrorStream(true)
              .start();
      String dump = new String(jstack.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return "; process alive, threads:\n" + dump;
    } catch (IOException e) {
      return "; process alive (" + e + ")";
    }
  }

  int port() throws InterruptedException {
    Matcher m = LISTENING.matcher(awaitLine("\"event\":\"listening\"", Duration.ofSeconds(60)));
    if (!m.find()) {
      throw new AssertionError("no port in the listening line");
    }
    return Integer.parseInt(m.group(1));
  }

  /** Polls readiness until 200. */
  void awaitReady(int port, Duration timeout) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    long end = System.nanoTime() + timeout.toNanos();
    Exception last = null;
    while (System.nanoTime() < end && process.isAlive()) {
      try {
        HttpResponse<String> r =
            client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + Routes.READY))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        last = e;
      }
      Thread.sleep(20);
    }
    throw new AssertionError(
        "not ready after " + timeout + " (last error " + last + "): " + lines() + diagnostics());
  }

  String stderr() throws IOException {
    return new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
