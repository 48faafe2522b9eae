package com.kitchencpq.paramkernel.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Process, port and file helpers of the registry test kit. */
final class RegistryKitSupport {
  private RegistryKitSupport() {}

  /** Where the test binaries live: {@code -Dparamkernel.test.bin}, default {@code /usr/bin}. */
  static Path binary(String name, String debianPackage) {
    Path dir = Path.of(System.getProperty("paramkernel.test.bin", "/usr/bin"));
    Path bin = dir.resolve(name);
    if (!Files.isExecutable(bin)) {
      throw new IllegalStateException(
          bin + " is missing; install it with: apt-get install " + debianPackage
              + " (or point -Dparamkernel.test.bin at the directory that has " + name + ")");
    }
    return bin;
  }

  /** A port that was free on 127.0.0.1 a moment ago. */
  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free loopback port", e);
    }
  }

  /** Stops a process and all its descendants: politely first, then forcibly. */
  static void stopTree(Process process) {
    if (process == null) {
      return;
    }
    List<ProcessHandle> children = process.descendants().toList();
    children.forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }

  /** The last lines of a log file, or a note why there are none. */
  static String tail(Path file, int lines) {
    try {
      if (!Files.exists(file)) {
        return "(no log at " + file + ")";
      }
      List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(log " + file + " unreadable: " + e.getMessage() + ")";
    }
  }

  static void deleteTree(Path root) {
    if (root == null || !Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort: a leftover temp directory must not fail a test
    }
  }
}
