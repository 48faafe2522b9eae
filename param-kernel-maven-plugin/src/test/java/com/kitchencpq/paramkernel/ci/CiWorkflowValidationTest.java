package com.kitchencpq.paramkernel.ci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the workflow checker {@code @action-validator/cli} (installed under {@code target/} by the
 * build, see {@code .ci/install-action-validator}) on {@code .github/workflows/ci.yml}: the schema
 * of GitHub Actions workflows, so a typo in a key fails here and not on the first push.
 */
class CiWorkflowValidationTest {
  private static final String PROPERTY = "paramkernel.test.actionValidator";

  @Test
  void theCiWorkflowPassesTheWorkflowChecker() throws Exception {
    Result result = check(RepositoryFiles.workflow());
    if (result.exitCode() != 0) {
      fail(
          RepositoryFiles.WORKFLOW
              + " is not a valid GitHub Actions workflow (action-validator exit "
              + result.exitCode()
              + "):\n"
              + result.output());
    }
  }

  @Test
  void theCheckerRejectsAMisspelledKey(@TempDir Path dir) throws Exception {
    // Proves the check is real: the same workflow with one misspelled step key must fail.
    String workflow = Files.readString(RepositoryFiles.workflow(), StandardCharsets.UTF_8);
    assertThat(workflow).contains("timeout-minutes:");
    Path broken = dir.resolve("ci.yml");
    Files.writeString(broken, workflow.replaceFirst("timeout-minutes:", "timeout-minutez:"));

    Result result = check(broken);

    assertThat(result.exitCode()).as(result.output()).isNotZero();
    assertThat(result.output()).contains("timeout-minutez");
  }

  private record Result(int exitCode, String output) {}

  private static Result check(Path workflow) throws IOException, InterruptedException {
    Path validator = validator();
    requireNode();
    Process p =
        new ProcessBuilder(validator.toString(), workflow.toString())
            .redirectErrorStream(true)
            .start();
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("action-validator did not finish within 60 s");
    }
    return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }

  private static Path validator() {
    String configured = System.getProperty(PROPERTY);
    Path path =
        configured != null && !configured.isBlank()
            ? Path.of(configured)
            : Path.of("target/action-validator/node_modules/.bin/action-validator")
                .toAbsolutePath();
    if (!Files.isRegularFile(path)) {
      fail(
          "the workflow checker is not installed at "
              + path
              + ". It is installed by the build ("
              + "`mvn -pl param-kernel-maven-plugin generate-test-resources`, which runs "
              + ".ci/install-action-validator); that needs Node.js 18+ and npm "
              + "(Debian/Ubuntu: apt-get install nodejs npm) and access to the npm registry.");
    }
    return path;
  }

  private static void requireNode() throws InterruptedException {
    try {
      Process p =
          new ProcessBuilder(List.of("node", "--version")).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0) {
        return;
      }
    } catch (IOException e) {
      // reported below
    }
    fail(
        "the workflow checker needs Node.js 18 or newer on PATH "
            + "(Debian/Ubuntu: apt-get install nodejs npm)");
  }
}
