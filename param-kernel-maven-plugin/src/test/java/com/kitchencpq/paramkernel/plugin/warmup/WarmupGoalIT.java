package com.kitchencpq.paramkernel.plugin.warmup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kitchencpq.paramkernel.plugin.core.PropertyNames;
import com.kitchencpq.paramkernel.plugin.github.GithubActions;
import com.kitchencpq.paramkernel.service.http.ApplyDeltaServer;
import com.kitchencpq.paramkernel.service.http.KernelFunction;
import com.kitchencpq.paramkernel.service.http.ServiceConfig;
import com.kitchencpq.paramkernel.service.kernel.ApplyDeltaKernel;
import com.kitchencpq.paramkernel.service.warmup.WarmupOptions;
import com.kitchencpq.paramkernel.service.warmup.WarmupReport;
import com.kitchencpq.paramkernel.testkit.FreePorts;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The goal's core against the real param-kernel-service (its own classes, compiled with these
 * tests, started in this JVM on a free loopback port): files, GitHub hand-off and messages.
 */
class WarmupGoalIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static ApplyDeltaServer service;

  @TempDir Path dir;

  @BeforeAll
  static void start() throws Exception {
    service =
        ApplyDeltaServer.start(
            ServiceConfig.fromEnv(Map.of("HOST", "127.0.0.1", "PORT", "0")),
            KernelFunction.of(new ApplyDeltaKernel()));
    service.markReady();
  }

  @AfterAll
  static void stop() {
    if (service != null) {
      service.close();
    }
  }

  private static Map<String, String> properties(String target, String... pairs) {
    Map<String, String> p = new HashMap<>();
    p.put(PropertyNames.WARMUP_TARGET, target);
    for (int i = 0; i < pairs.length; i += 2) {
      p.put(pairs[i], pairs[i + 1]);
    }
    return p;
  }

  private WarmupGoal goal(Map<String, String> env) {
    return new WarmupGoal(
        dir.resolve("artifacts/param-kernel/warmup"),
        new GithubActions(env, new PrintStream(new ByteArrayOutputStream())),
        p -> dir.relativize(p).toString());
  }

  @Test
  void writesTheEvidenceAndHandsTheVerdictToGithub() throws Exception {
    Map<String, String> env =
        Map.of(
            "GITHUB_ACTIONS",
            "true",
            "GITHUB_OUTPUT",
            dir.resolve("out.txt").toString(),
            "GITHUB_STEP_SUMMARY",
            dir.resolve("summary.md").toString());
    WarmupOptions options =
        WarmupGoal.options(
            properties(
                "http://127.0.0.1:" + service.port(),
                PropertyNames.WARMUP_REQUESTS,
                "20",
                PropertyNames.WARMUP_RATE,
                "40",
                PropertyNames.WARMUP_ITERATIONS,
                "2",
                PropertyNames.WARMUP_TIMEOUT,
                "1500ms",
                PropertyNames.WARMUP_MAX_P95_MS,
                "5000",
                PropertyNames.WARMUP_MAX_P99_MS,
                "5000"));
    assertThat(options.requestTimeout()).hasMillis(1500);
    WarmupGoal goal = goal(env);

    WarmupGoal.Result result = goal.run(options);

    WarmupReport report = result.report();
    assertThat(report.passed()).as(report.problemMessages().toString()).isTrue();
    assertThat(result.warnings()).isEmpty();
    Path evidence = dir.resolve("artifacts/param-kernel/warmup");
    try (var files = Files.list(evidence)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(
              "run-log.json", "histogram.json", "histogram.hgrm", "percentiles.svg");
    }
    JsonNode log = JSON.readTree(evidence.resolve("run-log.json").toFile());
    assertThat(log.get("outcomes").toString()).isEqualTo("{\"200\":20}");
    JsonNode histogram = JSON.readTree(evidence.resolve("histogram.json").toFile());
    Histogram decoded = Histogram.fromString(histogram.get("histogram").asText());
    assertThat(log.get("p99Ms").decimalValue().movePointRight(3).longValueExact())
        .isEqualTo(decoded.getValueAtPercentile(99));
    assertThat(Files.readString(dir.resolve("out.txt")))
        .contains(
            "warmup-passed=true\n", "warmup-run-log=artifacts/param-kernel/warmup/run-log.json\n");
    assertThat(Files.readString(dir.resolve("summary.md")))
        .contains("### param-kernel warm-up", "xychart-beta");
    assertThat(goal.outcomeLine(report))
        .matches(
            "Warm-up of http://127\\.0\\.0\\.1:\\d+ passed: p95 [0-9.]+ ms, p99 [0-9.]+ ms over"
                + " iteration 2 \\(limits 5000 / 5000 ms\\), 20 of 20 requests answered 200;"
                + " evidence in artifacts/param-kernel/warmup");
  }

  @Test
  void aFailedWarmupNamesTheLimitsProperty() throws Exception {
    WarmupGoal goal = goal(Map.of());
    WarmupReport report =
        goal.run(
                WarmupGoal.options(
                    properties(
                        "http://127.0.0.1:" + service.port(),
                        PropertyNames.WARMUP_REQUESTS,
                        "10",
                        PropertyNames.WARMUP_RATE,
                        "40",
                        PropertyNames.WARMUP_ITERATIONS,
                        "2",
                        PropertyNames.WARMUP_MAX_P95_MS,
                        "5000",
                        PropertyNames.WARMUP_MAX_P99_MS,
                        "0.001")))
            .report();

    assertThat(report.passed()).isFalse();
    assertThat(goal.failureMessage(report))
        .matches(
            "Warm-up of http://127\\.0\\.0\\.1:\\d+ failed: p99 [0-9.]+ ms over iteration 2 is not"
                + " below the limit of 0\\.001 ms \\(paramkernel\\.warmup\\.maxP99Ms\\)\\."
                + " Evidence: artifacts/param-kernel/warmup/run-log\\.json");
    assertThat(dir.resolve("artifacts/param-kernel/warmup/run-log.json")).exists();
  }

  @Test
  void nothingListeningNamesTheTargetAndItsProperty() throws Exception {
    int port = FreePorts.loopback();
    WarmupGoal goal = goal(Map.of());
    WarmupReport report =
        goal.run(
                WarmupGoal.options(
                    properties(
                        "http://127.0.0.1:" + port,
                        PropertyNames.WARMUP_REQUESTS,
                        "4",
                        PropertyNames.WARMUP_RATE,
                        "50",
                        PropertyNames.WARMUP_ITERATIONS,
                        "1",
                        PropertyNames.WARMUP_JUDGE_SKIP_ITERATIONS,
                        "0")))
            .report();

    assertThat(report.unreachable()).isTrue();
    assertThat(goal.unreachableMessage(report))
        .isEqualTo(
            "Nothing answered at http://127.0.0.1:"
                + port
                + " (paramkernel.warmup.target): none of the 4 requests got an answer"
                + " (ConnectException: Connection refused). Is param-kernel-service running and"
                + " reachable there?");
  }

  @Test
  void badPropertiesAreNamed() {
    assertThatThrownBy(() -> WarmupGoal.options(properties(null)))
        .hasMessageStartingWith("paramkernel.warmup.target is required");
    assertThatThrownBy(() -> WarmupGoal.options(properties("ftp://x")))
        .hasMessageStartingWith("paramkernel.warmup.target must be an http(s) URL");
    assertThatThrownBy(
            () -> WarmupGoal.options(properties("http://x", PropertyNames.WARMUP_RATE, "fast")))
        .hasMessage("paramkernel.warmup.rate must be a positive number, got 'fast'");
    assertThatThrownBy(
            () -> WarmupGoal.options(properties("http://x", PropertyNames.WARMUP_ITERATIONS, "7")))
        .hasMessageStartingWith("paramkernel.warmup.iterations must divide the 200 requests");
    assertThatThrownBy(
            () ->
                WarmupGoal.options(
                    properties("http://x", PropertyNames.WARMUP_JUDGE_SKIP_ITERATIONS, "10")))
        .hasMessageStartingWith("paramkernel.warmup.judgeSkipIterations must leave at least one");
    assertThatThrownBy(
            () -> WarmupGoal.options(properties("http://x", PropertyNames.WARMUP_TIMEOUT, "soon")))
        .hasMessage(
            "paramkernel.warmup.timeout must be a duration like 15s, 500ms, 2m, 1h or PT30M, but is"
                + " 'soon'");
    assertThatThrownBy(
            () -> WarmupGoal.options(properties("http://x", PropertyNames.WARMUP_TIMEOUT, "0ms")))
        .hasMessage("paramkernel.warmup.timeout must be at least 1ms, but is '0ms'");
    assertThatThrownBy(
            () -> WarmupGoal.options(properties("http://x", PropertyNames.WARMUP_MAX_P95_MS, "-1")))
        .hasMessage("paramkernel.warmup.maxP95Ms must be a positive number, got '-1'");
  }
}
