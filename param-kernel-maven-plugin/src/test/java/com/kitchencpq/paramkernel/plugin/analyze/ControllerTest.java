package com.kitchencpq.paramkernel.plugin.analyze;

import static com.kitchencpq.paramkernel.plugin.analyze.Metrics.inFlight;
import static com.kitchencpq.paramkernel.plugin.analyze.Metrics.measurement;
import static com.kitchencpq.paramkernel.plugin.analyze.Metrics.metric;
import static com.kitchencpq.paramkernel.plugin.analyze.Metrics.result;
import static org.assertj.core.api.Assertions.assertThat;

import com.kitchencpq.paramkernel.plugin.argo.ArgoVersion;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The controller's decisions on the cases of upstream's own tests: each test here is named after
 * the test of {@code analysis/analysis_test.go} (argoproj/argo-rollouts v1.9.1) whose run state and
 * assertions it carries over. Where upstream's test goes through a mocked provider, the measurement
 * the mock returns is recorded directly.
 */
class ControllerTest {
  private static final ArgoVersion V19 = ArgoVersion.V1_9;
  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

  private static Instant ago(long seconds) {
    return NOW.minusSeconds(seconds);
  }

  // GenerateMetricTasks
  @Test
  void testGenerateMetricTasksInterval() {
    MetricSpec m = metric("success-rate").interval("60s").build();
    RunState run = new RunState();
    run.setResult(result("success-rate", Phase.RUNNING, measurement(Phase.SUCCESSFUL, ago(50))));
    // ensure we don't take measurements when within the interval
    assertThat(Controller.generateMetricTasks(run, List.of(m), NOW)).isEmpty();
    // ensure we do take measurements when outside interval
    run.setResult(result("success-rate", Phase.RUNNING, measurement(Phase.SUCCESSFUL, ago(61))));
    assertThat(Controller.generateMetricTasks(run, List.of(m), NOW)).containsExactly(m);
  }

  @Test
  void testGenerateMetricTasksFailing() {
    List<MetricSpec> metrics = List.of(metric("success-rate").build(), metric("latency").build());
    RunState run = new RunState();
    run.setResult(result("latency", Phase.FAILED));
    // ensure we don't perform more measurements when one result already failed
    assertThat(Controller.generateMetricTasks(run, metrics, NOW)).isEmpty();
    // ensure we schedule tasks when no results are failed
    assertThat(Controller.generateMetricTasks(new RunState(), metrics, NOW)).hasSize(2);
  }

  @Test
  void testGenerateMetricTasksNoIntervalOrCount() {
    MetricSpec m = metric("success-rate").build();
    RunState run = new RunState();
    MetricState r = result("success-rate", Phase.RUNNING, measurement(Phase.SUCCESSFUL, ago(50)));
    r.count = 1;
    run.setResult(r);
    // ensure we don't take measurement when result count indicates we completed
    assertThat(Controller.generateMetricTasks(run, List.of(m), NOW)).isEmpty();
    // ensure we do take measurements when measurement has not been taken
    run.setResult(result("success-rate", Phase.RUNNING));
    assertThat(Controller.generateMetricTasks(run, List.of(m), NOW)).hasSize(1);
  }

  @Test
  void testGenerateMetricTasksHonorInitialDelay() {
    RunState run = new RunState();
    MetricSpec m = metric("success-rate").initialDelay("20s").build();
    // ensure we don't take measurement for metrics with start delays when no startAt is set
    assertThat(Controller.generateMetricTasks(run, List.of(m), NOW)).isEmpty();
    // ensure we don't take measurement for metrics with start delays where we haven't waited the
    // start delay
    run.startedAt = ago(10);
    assertThat(Controller.generateMetricTasks(run, List.of(m), NOW)).isEmpty();
    // ensure we do take measurement for metrics with start delays where we have waited the start
    // delay
    run.startedAt = ago(20);
    assertThat(Controller.generateMetricTasks(run, List.of(m), NOW)).hasSize(1);
    // ensure we don't take measurement for metrics with invalid start delays
    MetricSpec invalid = metric("success-rate").initialDelay("invalid-start-delay").build();
    assertThat(Controller.generateMetricTasks(run, List.of(invalid), NOW)).isEmpty();
  }

  @Test
  void testGenerateMetricTasksError() {
    RunState run = new RunState();
    MetricState r = result("success-rate", Phase.RUNNING, measurement(Phase.ERROR, ago(120)));
    r.error = 1;
    run.setResult(r);
    assertThat(Controller.generateMetricTasks(run, List.of(metric("success-rate").build()), NOW))
        .hasSize(1);
    assertThat(
            Controller.generateMetricTasks(
                run, List.of(metric("success-rate").interval("5m").build()), NOW))
        .hasSize(1);
  }

  @Test
  void anErrorIsRetriedTenSecondsLaterWhateverTheInterval() {
    // DefaultErrorRetryInterval, used by generateMetricTasks after an Error measurement
    RunState run = new RunState();
    run.setResult(result("m", Phase.RUNNING, measurement(Phase.ERROR, ago(9))));
    MetricSpec m = metric("m").interval("1m").count(5).build();
    assertThat(Controller.generateMetricTasks(run, List.of(m), NOW)).isEmpty();
    assertThat(Controller.generateMetricTasks(run, List.of(m), NOW.plusSeconds(1))).hasSize(1);
  }

  // AssessRunStatus
  @Test
  void testAssessRunStatus() {
    List<MetricSpec> metrics = List.of(metric("latency").build(), metric("success-rate").build());
    // ensure if one metric is still running, entire run is still running
    RunState run = new RunState();
    run.setResult(result("latency", Phase.SUCCESSFUL));
    run.setResult(result("success-rate", Phase.RUNNING));
    assertThat(Controller.assessRunStatus(run, metrics, Set.of(), NOW, V19))
        .isEqualTo(new Controller.Verdict(Phase.RUNNING, ""));
    // ensure we take the worst of the completed metrics
    run = new RunState();
    run.setResult(result("latency", Phase.SUCCESSFUL));
    run.setResult(result("success-rate", Phase.FAILED));
    assertThat(Controller.assessRunStatus(run, metrics, Set.of(), NOW, V19))
        .isEqualTo(new Controller.Verdict(Phase.FAILED, ""));
  }

  @Test
  void testAssessRunStatusUpdateResult() {
    List<MetricSpec> metrics =
        List.of(metric("sleep-infinity").build(), metric("fail-after-30").build());
    RunState run = new RunState();
    run.setResult(result("sleep-infinity", Phase.RUNNING, inFlight(ago(60))));
    MetricState failing =
        result("fail-after-30", Phase.RUNNING, measurement(Phase.FAILED, ago(60)));
    failing.count = 1;
    failing.failed = 1;
    run.setResult(failing);
    assertThat(Controller.assessRunStatus(run, metrics, Set.of(), NOW, V19))
        .isEqualTo(new Controller.Verdict(Phase.RUNNING, ""));
    assertThat(run.result("fail-after-30").phase).isEqualTo(Phase.FAILED);
  }

  /**
   * {@code newTerminatingRun(Failed, isDryRun)} with run-forever Successful
   * (StartAssessRunStatusErrorMessageAnalysisPhaseFail).
   */
  private RunState terminatingRun(boolean dryRun) {
    RunState run = new RunState();
    MetricState forever = result("run-forever", Phase.SUCCESSFUL, inFlight(ago(60)));
    forever.dryRun = dryRun;
    run.setResult(forever);
    MetricState failed = result("failed-metric", Phase.FAILED, measurement(Phase.FAILED, ago(60)));
    failed.count = 1;
    failed.failed = 1;
    failed.dryRun = dryRun;
    run.setResult(failed);
    return run;
  }

  private final List<MetricSpec> terminatingMetrics =
      List.of(metric("run-forever").build(), metric("failed-metric").build());

  @Test
  void testAssessRunStatusErrorMessageAnalysisPhaseFail() {
    Controller.Verdict v =
        Controller.assessRunStatus(terminatingRun(false), terminatingMetrics, Set.of(), NOW, V19);
    assertThat(v)
        .isEqualTo(
            new Controller.Verdict(
                Phase.FAILED,
                "Metric \"failed-metric\" assessed Failed due to failed (1) > failureLimit (0)"));
  }

  @Test
  void testAssessRunStatusErrorMessageAnalysisPhaseFailInDryRunMode() {
    Controller.Verdict v =
        Controller.assessRunStatus(
            terminatingRun(true),
            terminatingMetrics,
            Set.of("run-forever", "failed-metric"),
            NOW,
            V19);
    assertThat(v).isEqualTo(new Controller.Verdict(Phase.SUCCESSFUL, ""));
  }

  @Test
  void testAssessRunStatusErrorMessageFromProvider() {
    RunState run = terminatingRun(false);
    run.result("failed-metric").message = "Provider Error";
    assertThat(Controller.assessRunStatus(run, terminatingMetrics, Set.of(), NOW, V19).message())
        .isEqualTo(
            "Metric \"failed-metric\" assessed Failed due to failed (1) > failureLimit (0):"
                + " \"Error Message: Provider Error\"");
  }

  @Test
  void testAssessRunStatusErrorMessageFromProviderInDryRunMode() {
    RunState run = terminatingRun(true);
    run.result("failed-metric").message = "Provider Error";
    assertThat(
            Controller.assessRunStatus(
                run, terminatingMetrics, Set.of("run-forever", "failed-metric"), NOW, V19))
        .isEqualTo(new Controller.Verdict(Phase.SUCCESSFUL, ""));
  }

  @Test
  void testAssessRunStatusMultipleFailures() {
    // the message comes from the first failed metric
    RunState run = terminatingRun(false);
    run.result("run-forever").phase = Phase.FAILED;
    run.result("run-forever").failed = 1;
    assertThat(Controller.assessRunStatus(run, terminatingMetrics, Set.of(), NOW, V19))
        .isEqualTo(
            new Controller.Verdict(
                Phase.FAILED,
                "Metric \"run-forever\" assessed Failed due to failed (1) > failureLimit (0)"));
  }

  @Test
  void testAssessRunStatusMultipleFailuresInDryRunMode() {
    RunState run = terminatingRun(true);
    run.result("run-forever").phase = Phase.FAILED;
    run.result("run-forever").failed = 1;
    assertThat(
            Controller.assessRunStatus(
                run, terminatingMetrics, Set.of("run-forever", "failed-metric"), NOW, V19))
        .isEqualTo(new Controller.Verdict(Phase.SUCCESSFUL, ""));
    // TestAssessRunStatusWorstMessageInReconcileAnalysisRunInDryRunMode: the dry-run metrics say
    // why
    assertThat(run.result("run-forever").message)
        .isEqualTo("Metric assessed Failed due to failed (1) > failureLimit (0)");
    assertThat(run.result("failed-metric").message)
        .isEqualTo("Metric assessed Failed due to failed (1) > failureLimit (0)");
  }

  @Test
  void testAssessRunStatusWithOnlyDryRunMetrics() {
    RunState run = new RunState();
    MetricState r =
        result("success-metric", Phase.SUCCESSFUL, measurement(Phase.SUCCESSFUL, ago(60)));
    r.count = 1;
    r.successful = 1;
    r.dryRun = true;
    run.setResult(r);
    assertThat(
            Controller.assessRunStatus(
                    run,
                    List.of(metric("success-metric").build()),
                    Set.of("success-metric"),
                    NOW,
                    V19)
                .phase())
        .isEqualTo(Phase.SUCCESSFUL);
  }

  @Test
  void testAssessRunStatusWithMixedMetrics() {
    // upstream resumes run-forever's in-flight measurement with a Successful one; its
    // Inconclusive (1) then exceeds the limit, and the failing dry-run metric changes nothing
    RunState run = new RunState();
    MetricState forever =
        result("run-forever", Phase.RUNNING, measurement(Phase.SUCCESSFUL, ago(60)));
    forever.inconclusive = 1;
    run.setResult(forever);
    MetricState dry =
        result("success-metric", Phase.SUCCESSFUL, measurement(Phase.FAILED, ago(60)));
    dry.count = 1;
    dry.failed = 1;
    dry.dryRun = true;
    run.setResult(dry);
    Controller.Verdict v =
        Controller.assessRunStatus(
            run,
            List.of(metric("run-forever").build(), metric("success-metric").build()),
            Set.of("success-metric"),
            NOW,
            V19);
    assertThat(v)
        .isEqualTo(
            new Controller.Verdict(
                Phase.INCONCLUSIVE,
                "Metric \"run-forever\" assessed Inconclusive due to inconclusive (1) >"
                    + " inconclusiveLimit (0)"));
  }

  @Test
  void theFirstAssessmentRecordsTheStart() {
    RunState run = new RunState();
    Controller.assessRunStatus(
        run, List.of(metric("m").initialDelay("1m").build()), Set.of(), NOW, V19);
    assertThat(run.startedAt).isEqualTo(NOW);
  }

  // AssessMetricStatus
  private MetricState failedResult(int failed, int count) {
    MetricState r = result("success-rate", Phase.RUNNING, measurement(Phase.FAILED, ago(60)));
    r.failed = failed;
    r.count = count;
    return r;
  }

  @Test
  void testAssessMetricStatusNoMeasurements() {
    MetricSpec m = metric("success-rate").build();
    MetricState r = result("success-rate", Phase.RUNNING);
    assertThat(Controller.assessMetricStatus(m, r, false, V19)).isEqualTo(Phase.PENDING);
    assertThat(Controller.assessMetricStatus(m, r, true, V19)).isEqualTo(Phase.SUCCESSFUL);
  }

  @Test
  void testAssessMetricStatusInFlightMeasurement() {
    MetricSpec m = metric("success-rate").build();
    MetricState r =
        result(
            "success-rate", Phase.RUNNING, measurement(Phase.SUCCESSFUL, ago(60)), inFlight(NOW));
    assertThat(Controller.assessMetricStatus(m, r, false, V19)).isEqualTo(Phase.RUNNING);
    assertThat(Controller.assessMetricStatus(m, r, true, V19)).isEqualTo(Phase.RUNNING);
  }

  @Test
  void testAssessMetricStatusFailureLimit() {
    MetricState r = failedResult(3, 3);
    MetricSpec two = metric("success-rate").failureLimit(2).interval("60s").build();
    assertThat(Controller.assessMetricStatus(two, r, false, V19)).isEqualTo(Phase.FAILED);
    assertThat(Controller.assessMetricStatus(two, r, true, V19)).isEqualTo(Phase.FAILED);
    MetricSpec three = metric("success-rate").failureLimit(3).interval("60s").build();
    assertThat(Controller.assessMetricStatus(three, r, false, V19)).isEqualTo(Phase.RUNNING);
    assertThat(Controller.assessMetricStatus(three, r, true, V19)).isEqualTo(Phase.SUCCESSFUL);
  }

  @Test
  void testAssessMetricStatusConsecutiveSuccessLimit() {
    MetricState r = failedResult(3, 7);
    r.successful = 4;
    r.consecutiveSuccess = 3;
    // indefinite analysis: ConsecutiveSuccess == ConsecutiveSuccessLimit
    MetricSpec m =
        metric("success-rate").failureLimit(-1).consecutiveSuccessLimit(3).interval("60s").build();
    assertThat(Controller.assessMetricStatus(m, r, false, V19)).isEqualTo(Phase.SUCCESSFUL);
    assertThat(Controller.assessMetricStatus(m, r, true, V19)).isEqualTo(Phase.SUCCESSFUL);
    // ConsecutiveSuccess < ConsecutiveSuccessLimit
    m = metric("success-rate").failureLimit(-1).consecutiveSuccessLimit(5).interval("60s").build();
    assertThat(Controller.assessMetricStatus(m, r, false, V19)).isEqualTo(Phase.RUNNING);
    assertThat(Controller.assessMetricStatus(m, r, true, V19)).isEqualTo(Phase.SUCCESSFUL);
    // count reached: ConsecutiveSuccess=3 < ConsecutiveSuccessLimit=5
    m =
        metric("success-rate")
            .failureLimit(-1)
            .consecutiveSuccessLimit(5)
            .interval("60s")
            .count(7)
            .build();
    assertThat(Controller.assessMetricStatus(m, r, false, V19)).isEqualTo(Phase.FAILED);
    assertThat(Controller.assessMetricStatus(m, r, true, V19)).isEqualTo(Phase.FAILED);
    // ConsecutiveSuccess = ConsecutiveSuccessLimit = 3
    m =
        metric("success-rate")
            .failureLimit(-1)
            .consecutiveSuccessLimit(3)
            .interval("60s")
            .count(7)
            .build();
    assertThat(Controller.assessMetricStatus(m, r, false, V19)).isEqualTo(Phase.SUCCESSFUL);
    assertThat(Controller.assessMetricStatus(m, r, true, V19)).isEqualTo(Phase.SUCCESSFUL);
    // count not reached
    m =
        metric("success-rate")
            .failureLimit(-1)
            .consecutiveSuccessLimit(3)
            .interval("60s")
            .count(9)
            .build();
    assertThat(Controller.assessMetricStatus(m, r, false, V19)).isEqualTo(Phase.SUCCESSFUL);
    assertThat(Controller.assessMetricStatus(m, r, true, V19)).isEqualTo(Phase.SUCCESSFUL);
    m =
        metric("success-rate")
            .failureLimit(-1)
            .consecutiveSuccessLimit(5)
            .interval("60s")
            .count(9)
            .build();
    assertThat(Controller.assessMetricStatus(m, r, false, V19)).isEqualTo(Phase.RUNNING);
    assertThat(Controller.assessMetricStatus(m, r, true, V19)).isEqualTo(Phase.SUCCESSFUL);
  }

  private void expect(
      MetricSpec m,
      int failed,
      int successful,
      int count,
      int consecutiveSuccess,
      Phase running,
      Phase terminating) {
    MetricState r = failedResult(failed, count);
    r.successful = successful;
    r.consecutiveSuccess = consecutiveSuccess;
    assertThat(Controller.assessMetricStatus(m, r, false, V19))
        .as("not terminating")
        .isEqualTo(running);
    assertThat(Controller.assessMetricStatus(m, r, true, V19))
        .as("terminating")
        .isEqualTo(terminating);
  }

  @Test
  void testAssessMetricStatusFailureLimitAndConsecutiveSuccessLimit() {
    MetricSpec m =
        metric("success-rate").consecutiveSuccessLimit(4).failureLimit(4).interval("60s").build();
    // indefinite analysis
    expect(m, 3, 4, 7, 3, Phase.RUNNING, Phase.SUCCESSFUL);
    expect(m, 5, 9, 9, 0, Phase.FAILED, Phase.FAILED);
    expect(m, 3, 5, 8, 4, Phase.SUCCESSFUL, Phase.SUCCESSFUL);
    expect(m, 5, 5, 10, 4, Phase.FAILED, Phase.FAILED);
    // limited analysis, count reached
    m =
        metric("success-rate")
            .consecutiveSuccessLimit(4)
            .failureLimit(4)
            .interval("60s")
            .count(10)
            .build();
    expect(m, 4, 6, 10, 3, Phase.INCONCLUSIVE, Phase.INCONCLUSIVE);
    expect(m, 5, 5, 10, 3, Phase.FAILED, Phase.FAILED);
    expect(m, 4, 6, 10, 4, Phase.SUCCESSFUL, Phase.SUCCESSFUL);
    expect(m, 5, 5, 10, 4, Phase.FAILED, Phase.FAILED);
    // count not yet reached
    expect(m, 3, 5, 8, 3, Phase.RUNNING, Phase.SUCCESSFUL);
    expect(m, 5, 3, 8, 3, Phase.FAILED, Phase.FAILED);
    expect(m, 3, 5, 8, 4, Phase.SUCCESSFUL, Phase.SUCCESSFUL);
    expect(m, 5, 4, 9, 4, Phase.FAILED, Phase.FAILED);
  }

  @Test
  void testAssessMetricStatusInconclusiveLimit() {
    MetricState r = result("success-rate", Phase.RUNNING, measurement(Phase.INCONCLUSIVE, ago(60)));
    r.inconclusive = 3;
    r.count = 3;
    MetricSpec two = metric("success-rate").inconclusiveLimit(2).interval("60s").build();
    assertThat(Controller.assessMetricStatus(two, r, false, V19)).isEqualTo(Phase.INCONCLUSIVE);
    assertThat(Controller.assessMetricStatus(two, r, true, V19)).isEqualTo(Phase.INCONCLUSIVE);
    MetricSpec three = metric("success-rate").inconclusiveLimit(3).interval("60s").build();
    assertThat(Controller.assessMetricStatus(three, r, false, V19)).isEqualTo(Phase.RUNNING);
    assertThat(Controller.assessMetricStatus(three, r, true, V19)).isEqualTo(Phase.SUCCESSFUL);
  }

  @Test
  void testAssessMetricStatusConsecutiveErrors() {
    MetricSpec m = metric("success-rate").interval("60s").build();
    MetricState r = result("success-rate", Phase.RUNNING, measurement(Phase.ERROR, ago(60)));
    r.consecutiveError = 5;
    r.count = 5;
    assertThat(Controller.assessMetricStatus(m, r, false, V19)).isEqualTo(Phase.ERROR);
    assertThat(Controller.assessMetricStatus(m, r, true, V19)).isEqualTo(Phase.ERROR);
    r.consecutiveError = 4;
    assertThat(Controller.assessMetricStatus(m, r, true, V19)).isEqualTo(Phase.SUCCESSFUL);
    assertThat(Controller.assessMetricStatus(m, r, false, V19)).isEqualTo(Phase.RUNNING);
  }

  @Test
  void testAssessMetricStatusCountReached() {
    MetricSpec m = metric("success-rate").count(10).build();
    MetricState r = result("success-rate", Phase.RUNNING, measurement(Phase.SUCCESSFUL, ago(60)));
    r.successful = 10;
    r.count = 10;
    assertThat(Controller.assessMetricStatus(m, r, false, V19)).isEqualTo(Phase.SUCCESSFUL);
    r.successful = 5;
    r.inconclusive = 5;
    assertThat(Controller.assessMetricStatus(m, r, false, V19)).isEqualTo(Phase.INCONCLUSIVE);
  }

  @Test
  void testAssessMetricFailureInconclusiveOrError() {
    MetricSpec m = metric("m").build();
    MetricState failed = result("m", Phase.RUNNING, measurement(Phase.FAILED, NOW));
    failed.failed = 1;
    assertThat(Controller.assessMetricFailureInconclusiveOrError(m, failed, V19))
        .isEqualTo(new Controller.Verdict(Phase.FAILED, "failed (1) > failureLimit (0)"));
    assertThat(Controller.assessMetricStatus(m, failed, true, V19)).isEqualTo(Phase.FAILED);
    MetricState inconclusive = result("m", Phase.RUNNING, measurement(Phase.INCONCLUSIVE, NOW));
    inconclusive.inconclusive = 1;
    assertThat(Controller.assessMetricFailureInconclusiveOrError(m, inconclusive, V19))
        .isEqualTo(
            new Controller.Verdict(Phase.INCONCLUSIVE, "inconclusive (1) > inconclusiveLimit (0)"));
    MetricState errors = result("m", Phase.RUNNING, measurement(Phase.ERROR, NOW));
    errors.consecutiveError = 5;
    assertThat(Controller.assessMetricFailureInconclusiveOrError(m, errors, V19))
        .isEqualTo(
            new Controller.Verdict(
                Phase.ERROR, "consecutiveErrors (5) > consecutiveErrorLimit (4)"));
  }

  @Test
  void inV17TheFailureLimitCannotBeDisabled() {
    // v1.7.2's assessMetricFailureInconclusiveOrError compares failed > failureLimit unguarded
    MetricSpec m = metric("m").failureLimit(-1).build();
    MetricState r = result("m", Phase.RUNNING, measurement(Phase.SUCCESSFUL, NOW));
    assertThat(Controller.assessMetricFailureInconclusiveOrError(m, r, ArgoVersion.V1_7).phase())
        .isEqualTo(Phase.FAILED);
    assertThat(Controller.assessMetricFailureInconclusiveOrError(m, r, V19).phase()).isNull();
  }

  // CalculateNextReconcileTime
  @Test
  void testCalculateNextReconcileTimeInterval() {
    MetricSpec m = metric("success-rate").interval("60s").build();
    RunState run = new RunState();
    run.setResult(result("success-rate", Phase.RUNNING, measurement(Phase.SUCCESSFUL, ago(30))));
    // ensure we requeue at correct interval
    assertThat(Controller.calculateNextReconcileTime(run, List.of(m), NOW))
        .isEqualTo(NOW.plusSeconds(30));
    // do not queue completed metrics
    run.setResult(
        result("success-rate", Phase.SUCCESSFUL, measurement(Phase.SUCCESSFUL, ago(120))));
    assertThat(Controller.calculateNextReconcileTime(run, List.of(m), NOW)).isNull();
  }

  @Test
  void testCalculateNextReconcileTimeInitialDelay() {
    RunState run = new RunState();
    run.startedAt = ago(30);
    run.setResult(result("success-rate", Phase.RUNNING, measurement(Phase.SUCCESSFUL, ago(30))));
    MetricSpec rate = metric("success-rate").interval("60s").build();
    // ensure we requeue after start delay
    assertThat(
            Controller.calculateNextReconcileTime(
                run,
                List.of(rate, metric("start-delay").interval("60s").initialDelay("40s").build()),
                NOW))
        .isEqualTo(NOW.plusSeconds(10));
    // skip invalid start delay and use the other metrics next reconcile time
    assertThat(
            Controller.calculateNextReconcileTime(
                run,
                List.of(
                    rate,
                    metric("start-delay")
                        .interval("60s")
                        .initialDelay("not-valid-start-delay")
                        .build()),
                NOW))
        .isEqualTo(NOW.plusSeconds(30));
  }

  @Test
  void testCalculateNextReconcileTimeNoInterval() {
    RunState run = new RunState();
    run.setResult(result("success-rate", Phase.SUCCESSFUL, measurement(Phase.SUCCESSFUL, NOW)));
    assertThat(
            Controller.calculateNextReconcileTime(
                run, List.of(metric("success-rate").count(1).build()), NOW))
        .isNull();
  }

  @Test
  void testCalculateNextReconcileEarliestMetric() {
    RunState run = new RunState();
    run.setResult(result("success-rate", Phase.RUNNING, measurement(Phase.SUCCESSFUL, ago(30))));
    run.setResult(result("latency", Phase.RUNNING, measurement(Phase.SUCCESSFUL, ago(50))));
    assertThat(
            Controller.calculateNextReconcileTime(
                run,
                List.of(
                    metric("success-rate").interval("60s").build(),
                    metric("latency").interval("60s").build()),
                NOW))
        .isEqualTo(NOW.plusSeconds(10));
  }

  @Test
  void testCalculateNextReconcileUponError() {
    RunState run = new RunState();
    MetricState r = result("success-rate", Phase.RUNNING, measurement(Phase.ERROR, NOW));
    r.error = 1;
    run.setResult(r);
    Instant retry = NOW.plus(Duration.ofSeconds(10));
    assertThat(
            Controller.calculateNextReconcileTime(
                run, List.of(metric("success-rate").build()), NOW))
        .isEqualTo(retry);
    assertThat(
            Controller.calculateNextReconcileTime(
                run, List.of(metric("success-rate").interval("5m").build()), NOW))
        .isEqualTo(retry);
  }

  // RunMeasurements
  @Test
  void testRunMeasurementsResetConsecutiveErrorCounter() {
    // upstream's loop over Successful, Inconclusive and Failed is commented out; all four are
    // covered here
    for (Phase p : List.of(Phase.SUCCESSFUL, Phase.INCONCLUSIVE, Phase.FAILED, Phase.ERROR)) {
      RunState run = new RunState();
      MetricState r = result("test", Phase.RUNNING);
      r.consecutiveError = 4;
      r.count = 4;
      r.error = 4;
      run.setResult(r);
      Controller.recordMeasurement(run, "test", measurement(p, NOW), false);
      MetricState after = run.result("test");
      if (p == Phase.ERROR) {
        assertThat(after.consecutiveError).isEqualTo(5);
        assertThat(after.error).isEqualTo(5);
        assertThat(after.count).isEqualTo(4);
      } else {
        assertThat(after.consecutiveError).as(p.text()).isZero();
        assertThat(after.error).isEqualTo(4);
        assertThat(after.count).isEqualTo(5);
      }
    }
  }

  @Test
  void onlySuccessfulMeasurementsExtendTheSuccessStreak() {
    RunState run = new RunState();
    for (Phase p : List.of(Phase.SUCCESSFUL, Phase.SUCCESSFUL, Phase.ERROR, Phase.SUCCESSFUL)) {
      Controller.recordMeasurement(run, "m", measurement(p, NOW), false);
    }
    assertThat(run.result("m").consecutiveSuccess).isEqualTo(1);
    assertThat(run.result("m").successful).isEqualTo(3);
    assertThat(run.result("m").count).isEqualTo(3);
  }
}
