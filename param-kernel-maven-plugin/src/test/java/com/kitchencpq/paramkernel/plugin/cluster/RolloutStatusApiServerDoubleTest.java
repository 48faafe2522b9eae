package com.kitchencpq.paramkernel.plugin.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * rollout-status against the API server double, with the test playing the Argo Rollouts controller
 * ({@link ControllerSimulation}): a rollout that completes, one aborted by a failed analysis, one
 * paused on an Inconclusive analysis.
 */
class RolloutStatusApiServerDoubleTest {
  private static final String NS = ShippedBundle.NAMESPACE;
  private static final String RO = ShippedBundle.ROLLOUT;
  private static final String RUN = ControllerSimulation.RUN_2;

  @TempDir Path dir;

  private ApiServerDouble server;
  private Fabric8ClusterApi goalApi;
  private ExecutorService executor;

  @BeforeEach
  void start() throws Exception {
    server = new ApiServerDouble().start();
    goalApi = server.clusterApi(dir.resolve("goal"), null);
    new BundleApplier()
        .apply(
            ShippedBundle.read(ShippedBundle.write(dir, ShippedBundle.DIGEST, null)),
            goalApi,
            new BundleApplier.Options(null, false, false),
            a -> {});
    executor = Executors.newSingleThreadExecutor();
  }

  @AfterEach
  void stop() {
    executor.shutdownNow();
    goalApi.close();
    server.close();
  }

  private RolloutReport follow(
      ControllerSimulation.Scenario scenario, boolean failOnPause, List<String> printed)
      throws Exception {
    // Created before the follower starts, so that it waits for the follower's first read.
    ControllerSimulation controller =
        new ControllerSimulation(server, dir.resolve("controller"), NS, RO, true);
    Duration timeout = Duration.ofMinutes(2);
    Future<RolloutFollower.Result> result =
        executor.submit(() -> new RolloutFollower(goalApi).follow(NS, RO, timeout, printed::add));
    try {
      controller.run(scenario);
    } finally {
      controller.close();
    }
    return RolloutReport.of(
        new RolloutTarget(NS, RO, "test"), result.get(60, TimeUnit.SECONDS), failOnPause, timeout);
  }

  @Test
  void aRolloutThatCompletesIsHealthyAndPasses() throws Exception {
    List<String> printed = new CopyOnWriteArrayList<>();
    RolloutReport report = follow(ControllerSimulation.Scenario.COMPLETES, true, printed);

    assertThat(report.passes()).isTrue();
    assertThat(report.state()).isEqualTo("Healthy");
    assertThat(printed)
        .isEqualTo(report.lines())
        .containsExactly(
            "Progressing - more replicas need to be updated | step 0/8 setWeight: 20 | weight 20",
            "Progressing - more replicas need to be updated | step 0/8 setWeight: 20 | weight 20"
                + " | canary 0/1 ready | stable 1/1 ready",
            "Progressing | step 0/8 setWeight: 20 | weight 20 | canary 1/1 ready | stable 1/1"
                + " ready",
            "Paused - CanaryPauseStep | step 1/8 pause: 5m | weight 20 | canary 1/1 ready | stable"
                + " 1/1 ready",
            "Progressing | step 2/8 analysis | weight 20 | canary 1/1 ready | stable 1/1 ready |"
                + " analysis "
                + RUN
                + " Running",
            "Progressing | step 2/8 analysis | weight 20 | canary 1/1 ready | stable 1/1 ready |"
                + " analysis "
                + RUN
                + " Running: warmup=- (Successful), error-rate=0.004 (Successful),"
                + " latency-p95=0.021 (Successful)",
            "Progressing | step 2/8 analysis | weight 20 | canary 1/1 ready | stable 1/1 ready |"
                + " analysis "
                + RUN
                + " Successful: warmup=- (Successful), error-rate=0.004 (Successful),"
                + " latency-p95=0.021 (Successful)",
            "Progressing | step 3/8 setWeight: 50 | weight 50 | canary 1/1 ready | stable 1/1"
                + " ready",
            "Paused - CanaryPauseStep | step 4/8 pause: 10m | weight 50 | canary 1/1 ready | stable"
                + " 1/1 ready",
            "Progressing | step 5/8 analysis | weight 50 | canary 1/1 ready | stable 1/1 ready |"
                + " analysis "
                + ControllerSimulation.RUN_5
                + " Running",
            "Progressing | step 5/8 analysis | weight 50 | canary 1/1 ready | stable 1/1 ready |"
                + " analysis "
                + ControllerSimulation.RUN_5
                + " Running: warmup=- (Successful), error-rate=0.002 (Successful),"
                + " latency-p95=0.019 (Successful)",
            "Progressing | step 5/8 analysis | weight 50 | canary 1/1 ready | stable 1/1 ready |"
                + " analysis "
                + ControllerSimulation.RUN_5
                + " Successful: warmup=- (Successful), error-rate=0.002 (Successful),"
                + " latency-p95=0.019 (Successful)",
            "Progressing | step 6/8 setWeight: 100 | weight 100 | canary 1/1 ready | stable 1/1"
                + " ready",
            "Paused - CanaryPauseStep | step 7/8 pause: 5m | weight 100 | canary 1/1 ready | stable"
                + " 1/1 ready",
            "Healthy | step 8/8 | weight 100 | stable 1/1 ready");
    assertThat(report.outputs())
        .containsEntry("rollout-state", "Healthy")
        .containsEntry("rollout-step", "8/8");
    assertThat(report.annotationLevel()).isEqualTo("notice");
    assertThat(report.summary())
        .startsWith("### param-kernel rollout\n")
        .contains("| State | Healthy |");
  }

  @Test
  void aRolloutAbortedByAFailedAnalysisIsDegradedAndFails() throws Exception {
    List<String> printed = new CopyOnWriteArrayList<>();
    RolloutReport report = follow(ControllerSimulation.Scenario.ABORTED_BY_ANALYSIS, true, printed);

    String message =
        "RolloutAborted: Rollout aborted update to revision 2: Step-based analysis phase"
            + " error/failed: Metric \"error-rate\" assessed Failed due to failed (2) >"
            + " failureLimit (1)";
    assertThat(report.passes()).isFalse();
    assertThat(report.state()).isEqualTo("Degraded");
    assertThat(report.message()).isEqualTo(message);
    assertThat(printed.subList(printed.size() - 3, printed.size()))
        .containsExactly(
            "Progressing | step 2/8 analysis | weight 20 | canary 1/1 ready | stable 1/1 ready |"
                + " analysis "
                + RUN
                + " Running: warmup=- (Successful), error-rate=0.052 (Failed), latency-p95=0.024"
                + " (Successful)",
            "Progressing | step 2/8 analysis | weight 20 | canary 1/1 ready | stable 1/1 ready |"
                + " analysis "
                + RUN
                + " Failed: warmup=- (Successful), error-rate=0.061 (Failed), latency-p95=0.026"
                + " (Successful)",
            "Degraded - "
                + message
                + " | step 2/8 analysis | weight 0 | canary 1/1 ready | stable 1/1 ready"
                + " | analysis "
                + RUN
                + " Failed: warmup=- (Successful), error-rate=0.061 (Failed),"
                + " latency-p95=0.026 (Successful)");
    assertThat(report.logLine())
        .startsWith("Rollout param-kernel-service (namespace kitchen-cpq) is Degraded: " + message);
    assertThat(report.annotationLevel()).isEqualTo("error");
    assertThat(report.outputs())
        .containsEntry("rollout-state", "Degraded")
        .containsEntry("rollout-step", "2/8");
  }

  @Test
  void aRolloutPausedOnAnInconclusiveAnalysisFailsUnlessPausesPass() throws Exception {
    List<String> printed = new CopyOnWriteArrayList<>();
    RolloutReport report = follow(ControllerSimulation.Scenario.PAUSED_INCONCLUSIVE, true, printed);

    assertThat(report.state()).isEqualTo("Paused");
    assertThat(report.message()).isEqualTo("InconclusiveAnalysisRun");
    assertThat(report.passes()).isFalse();
    assertThat(printed.get(printed.size() - 1))
        .isEqualTo(
            "Paused - InconclusiveAnalysisRun | step 2/8 analysis | weight 20 | canary 1/1 ready |"
                + " stable 1/1 ready | analysis "
                + RUN
                + " Inconclusive: warmup=- (Successful), error-rate=0.004 (Successful),"
                + " latency-p95=NaN (Inconclusive)");
    assertThat(report.logLine()).contains("promote it (param-kernel:promote) or abort it");

    RolloutReport tolerated =
        RolloutReport.of(
            report.target(),
            new RolloutFollower.Result(report.last(), report.lines(), false),
            false,
            Duration.ofMinutes(2));
    assertThat(tolerated.passes()).isTrue();
    assertThat(tolerated.annotationLevel()).isEqualTo("warning");
    assertThat(tolerated.logLine()).contains("paramkernel.rollout.failOnPause=false");
  }

  @Test
  void aRolloutThatDoesNotFinishInTimeTimesOut() throws Exception {
    RolloutFollower.Result result =
        new RolloutFollower(goalApi, Duration.ofMillis(100))
            .follow(NS, RO, Duration.ofMillis(500), line -> {});
    RolloutReport report =
        RolloutReport.of(new RolloutTarget(NS, RO, "test"), result, true, Duration.ofMillis(500));
    assertThat(result.timedOut()).isTrue();
    assertThat(report.passes()).isFalse();
    assertThat(report.state()).isEqualTo("Timeout");
    assertThat(report.message()).contains("paramkernel.rollout.timeout");
  }

  @Test
  void aMissingRolloutIsNamedWithItsNamespace() {
    assertThatThrownBy(
            () -> new RolloutFollower(goalApi).follow(NS, "nope", Duration.ofSeconds(5), l -> {}))
        .isInstanceOfSatisfying(
            ClusterException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(ClusterException.Reason.NOT_FOUND);
              assertThat(e.getMessage())
                  .contains("Rollout \"nope\" does not exist in namespace \"kitchen-cpq\"");
            });
  }
}
