package com.kitchencpq.paramkernel.plugin.analyze;

import com.kitchencpq.paramkernel.plugin.render.Template;
import com.kitchencpq.paramkernel.plugin.render.TemplateRenderer;
import com.kitchencpq.paramkernel.plugin.validate.SourceText;
import com.kitchencpq.paramkernel.testkit.LocalPrometheus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Not a test: how long the analyze goal takes to replay the shipped bundle's health analysis (2
 * metrics x 5 measurements) against a local Prometheus. The number that counts is the goal time of
 * real {@code mvn} runs, as the goal logs it ({@code Analysis Successful: ... in N ms}): from the
 * start of the goal's own work (reading the bundle) to the verdict with {@code analysis.json}
 * written, in Maven's JVM, the first analysis there. For scale it also times the core ({@link
 * Analyzer#analyze}) in this JVM: the first call, then warm calls. The plugin must be in the local
 * repository the {@code mvn} runs use: with the system property {@value #LOCAL_REPO}, that
 * repository (the invoker's {@code target/local-repo}); see {@code docs/analyze-benchmark.md} for
 * the command.
 */
public final class AnalyzeBenchmark {
  /** System property: the local Maven repository the {@code mvn} runs use, if not the user's. */
  static final String LOCAL_REPO = "bench.localRepo";

  private static final Pattern VERDICT =
      Pattern.compile(
          "\\[INFO\\] Analysis Successful: .* \\(15 measurements, replay from \\S+, Argo Rollouts"
              + " 1\\.9, in (\\d+) ms;");

  private static final String LATEST = "5f7c9b8d4";
  private static final String STABLE = "6d8b7c5f9";

  private AnalyzeBenchmark() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    Instant now = Instant.ofEpochSecond(Instant.now().getEpochSecond() / 15 * 15);
    Instant start = now.minus(Duration.ofMinutes(30));
    CanaryHistory canary =
        CanaryHistory.of("param-kernel-service-canary", "kitchen-cpq", "param-kernel-service-0")
            .hash(LATEST)
            .from(now.minus(Duration.ofMinutes(40)), 5, 0, CanaryHistory.fast());
    CanaryHistory stable =
        CanaryHistory.of("param-kernel-service", "kitchen-cpq", "param-kernel-service-1")
            .hash(STABLE)
            .from(now.minus(Duration.ofMinutes(40)), 5, 0, CanaryHistory.fast());
    String history =
        CanaryHistory.openMetrics(
            List.of(canary, canary.through("param-kernel-service"), stable),
            now.minus(Duration.ofMinutes(1)),
            Duration.ofSeconds(15));
    Path work = Files.createTempDirectory("pk-analyze-bench");
    try (LocalPrometheus prometheus =
        LocalPrometheus.startWithHistory(history, List.of(), Duration.ofSeconds(15))) {
      String bundle =
          new TemplateRenderer()
              .render(
                  Template.embeddedDefault(), "sha256:" + "0123456789abcdef".repeat(4), List.of())
              .text();
      Path rendered = work.resolve("artifacts/param-kernel/rollout.yaml");
      Files.createDirectories(rendered.getParent());
      Files.writeString(rendered, bundle, StandardCharsets.UTF_8);

      // One run that is not recorded, online: it fills the local repository with what Maven
      // needs to start the goal (the recorded runs are offline, so they never download).
      goalInMaven(work, prometheus.url(), start, false);
      List<Double> goal = new ArrayList<>();
      List<Double> wall = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        long t0 = System.nanoTime();
        goal.add(goalInMaven(work, prometheus.url(), start, true));
        wall.add((System.nanoTime() - t0) / 1e6);
      }

      AnalysisRequest request =
          AnalysisRequest.of(List.of(new SourceText("rollout.yaml", bundle)))
              .withArgs(java.util.Map.of("latest-hash", LATEST, "stable-hash", STABLE))
              .withPrometheusAddress(prometheus.url())
              .withMode(AnalysisRequest.Mode.replay(start));
      List<Double> core = new ArrayList<>();
      for (int i = 0; i <= runs; i++) {
        long t0 = System.nanoTime();
        AnalysisResult r = Analyzer.analyze(request);
        core.add((System.nanoTime() - t0) / 1e6);
        if (r.phase() != Phase.SUCCESSFUL || r.measurementCount() != 15) {
          throw new IllegalStateException("unexpected result " + r.phase() + ": " + r.message());
        }
      }
      System.out.println(
          "replay of the shipped health analysis, 15 measurements, " + runs + " runs");
      System.out.println(row("goal time in mvn (the goal's log line)", goal));
      System.out.println(row("whole mvn process, wall clock", wall));
      System.out.printf("core, first call in this JVM: %.1f ms%n", core.get(0));
      System.out.println(row("core, warm calls", core.subList(1, core.size())));
    } finally {
      deleteTree(work);
    }
  }

  private static String row(String what, List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    double median =
        sorted.size() % 2 == 1
            ? sorted.get(sorted.size() / 2)
            : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
    return String.format(
        "%-42s min %7.1f  median %7.1f  max %7.1f ms  (%s)",
        what,
        sorted.get(0),
        median,
        sorted.get(sorted.size() - 1),
        values.stream().map(v -> String.format("%.0f", v)).toList());
  }

  private static double goalInMaven(Path work, String prometheus, Instant start, boolean offline)
      throws IOException, InterruptedException {
    String goal = "com.kitchencpq:param-kernel-maven-plugin:" + pluginVersion() + ":analyze";
    List<String> command =
        new ArrayList<>(
            List.of(
                "mvn",
                "-B",
                "-ntp",
                offline ? "-o" : "-ntp",
                "-llr",
                goal,
                "-Dparamkernel.prometheusAddress=" + prometheus,
                "-Dparamkernel.analyze.start=" + start,
                "-Dparamkernel.analyze.args=latest-hash=" + LATEST + ",stable-hash=" + STABLE));
    String localRepo = System.getProperty(LOCAL_REPO);
    if (localRepo != null && !localRepo.isBlank()) {
      command.add("-Dmaven.repo.local=" + Path.of(localRepo).toAbsolutePath());
    }
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true);
    builder.environment().keySet().removeIf(k -> k.startsWith("GITHUB_"));
    Process p = builder.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    Matcher m = VERDICT.matcher(out);
    if (!m.find()) {
      throw new IllegalStateException(
          "no Successful replay of 15 measurements in the mvn output (build the plugin"
              + " into the invoker's repository first and pass -D"
              + LOCAL_REPO
              + "=target/local-repo; see"
              + " docs/analyze-benchmark.md):\n"
              + out);
    }
    return Double.parseDouble(m.group(1));
  }

  private static String pluginVersion() throws IOException {
    try (InputStream in =
        AnalyzeBenchmark.class.getResourceAsStream("/META-INF/maven/plugin.xml")) {
      Matcher m =
          Pattern.compile("<version>([^<]+)</version>")
              .matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      if (!m.find()) {
        throw new IllegalStateException("no version in META-INF/maven/plugin.xml");
      }
      return m.group(1);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Collections.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
