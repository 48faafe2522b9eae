package com.kitchencpq.paramkernel.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Debian's {@code skopeo} with a time limit, an empty auth file (so the developer's own Docker
 * login never leaks into a test) and no signature policy checks. Registry transports talk plain
 * http to loopback registries.
 */
public final class Skopeo {
  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  /** What one run printed. */
  public record Result(int exitCode, String stdout, String stderr) {
    public Result requireSuccess(List<String> command) {
      if (exitCode != 0) {
        throw new IllegalStateException(
            "skopeo failed (exit "
                + exitCode
                + "): "
                + String.join(" ", redact(command))
                + "\n"
                + stderr);
      }
      return this;
    }
  }

  private final Path binary;
  private final Path authFile;

  private Skopeo(Path binary, Path authFile) {
    this.binary = binary;
    this.authFile = authFile;
  }

  /** A skopeo runner; fails with the package to install when the binary is missing. */
  public static Skopeo create(Path workDir) {
    Path binary = TestBinaries.require("skopeo", "skopeo");
    try {
      Path auth = workDir.resolve("skopeo-auth.json");
      Files.writeString(auth, "{\"auths\":{}}", StandardCharsets.UTF_8);
      return new Skopeo(binary, auth);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write " + workDir.resolve("skopeo-auth.json"), e);
    }
  }

  /** {@code skopeo inspect --format {{.Digest}} docker://<ref>}. */
  public String inspectDigest(String reference, String username, String password) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "inspect",
                "--tls-verify=false",
                "--authfile",
                authFile.toString(),
                "--format",
                "{{.Digest}}"));
    if (username != null) {
      args.add("--creds");
      args.add(username + ":" + password);
    }
    args.add("docker://" + reference);
    return run(args).stdout().trim();
  }

  public String inspectDigest(String reference) {
    return inspectDigest(reference, null, null);
  }

  /** The digest skopeo computes for an image in a local OCI layout ({@code <dir>:<tag>}). */
  public String inspectLayoutDigest(Path layout, String tag) {
    return run(List.of("inspect", "--format", "{{.Digest}}", "oci:" + layout + ":" + tag))
        .stdout()
        .trim();
  }

  /** Copies an image, keeping manifests byte for byte ({@code --preserve-digests}). */
  public void copy(String source, String destination, String destUser, String destPassword) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--insecure-policy",
                "copy",
                "--all",
                "--preserve-digests",
                "--dest-tls-verify=false",
                "--src-tls-verify=false",
                "--authfile",
                authFile.toString()));
    if (destUser != null) {
      args.add("--dest-creds");
      args.add(destUser + ":" + destPassword);
    }
    args.add(source);
    args.add(destination);
    run(args);
  }

  /** Runs skopeo and fails on a non-zero exit. */
  public Result run(List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(binary.toString());
    command.addAll(args);
    return runAllowingFailure(args).requireSuccess(command);
  }

  /** Runs skopeo with the default time limit and returns whatever happened. */
  public Result runAllowingFailure(List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(binary.toString());
    command.addAll(args);
    try {
      Path out = Files.createTempFile("skopeo-out", ".txt");
      Path err = Files.createTempFile("skopeo-err", ".txt");
      try {
        Process p =
            new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!p.waitFor(DEFAULT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
          ManagedProcess.stopTree(p);
          throw new IllegalStateException(
              "skopeo did not finish within "
                  + DEFAULT_TIMEOUT.toSeconds()
                  + " s: "
                  + String.join(" ", redact(command)));
        }
        return new Result(
            p.exitValue(),
            Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run skopeo", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running skopeo", e);
    }
  }

  /** The command with credential arguments masked, for messages. */
  static List<String> redact(List<String> command) {
    List<String> out = new ArrayList<>(command);
    for (int i = 0; i < out.size() - 1; i++) {
      if (out.get(i).endsWith("creds")) {
        out.set(i + 1, "***");
      }
    }
    return out;
  }
}
