package com.kitchencpq.paramkernel.plugin.analyze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.kitchencpq.paramkernel.plugin.render.Template;
import com.kitchencpq.paramkernel.plugin.render.TemplateRenderer;
import com.kitchencpq.paramkernel.plugin.validate.SourceText;
import com.kitchencpq.paramkernel.testkit.FreePorts;
import com.kitchencpq.paramkernel.testkit.LocalPrometheus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped bundle's analysis, rendered as the pipeline renders it, replayed against a real
 * Prometheus that holds 40 minutes of a canary's scrapes (15 s apart, as the ServiceMonitor
 * scrapes): a healthy canary, one answering 5% of requests with 5xx, a slow one, an idle one, one
 * whose incident starts during the analysis, and no Prometheus at all.
 */
class AnalyzerIT {
  private static final String NS = "kitchen-cpq";
  private static final Instant NOW =
      Instant.ofEpochSecond(Instant.now().getEpochSecond() / 15 * 15);
  private static final Instant HISTORY = NOW.minus(Duration.ofMinutes(40));

  /** Replays start here; the shipped schedule ends 6.5 minutes later. */
  private static final Instant START = NOW.minus(Duration.ofMinutes(30));

  private static final String CLIENT = "param-kernel-service";
  private static final String STABLE_HASH = "stable0";
  private static LocalPrometheus prometheus;

  /**
   * A canary pod of {@code service}, also as the client Service finds it; its hash is the service's
   * name.
   */
  private static CanaryHistory canary(List<CanaryHistory> pods, String service, String pod) {
    CanaryHistory c = CanaryHistory.of(service, NS, pod).hash(service);
    pods.add(c);
    pods.add(c.through(CLIENT));
    return c;
  }

  private static String bundle;

  @BeforeAll
  static void start() throws Exception {
    bundle =
        new TemplateRenderer()
            .render(Template.embeddedDefault(), "sha256:" + "0123456789abcdef".repeat(4), List.of())
            .text();
    // Each scenario's canary pod is found through its own canary Service and through the client
    // Service (with its pod-template hash); one stable pod behind the client Service serves as
    // the stable side of every scenario's ratio metric.
    List<CanaryHistory> pods = new ArrayList<>();
    pods.add(
        CanaryHistory.of(CLIENT, NS, "stable-0")
            .hash(STABLE_HASH)
            .from(HISTORY, 5, 0, CanaryHistory.fast()));
    canary(pods, "healthy-canary", "h-0").from(HISTORY, 5, 0, CanaryHistory.fast());
    canary(pods, "erroring-canary", "e-0").from(HISTORY, 5, 0.05, CanaryHistory.fast());
    canary(pods, "slow-canary", "s-0").from(HISTORY, 5, 0, CanaryHistory.slow());
    canary(pods, "idle-canary", "i-0").from(HISTORY, 0, 0, CanaryHistory.fast());
    canary(pods, "incident-canary", "x-0")
        .from(HISTORY, 5, 0, CanaryHistory.fast())
        .from(START.plus(Duration.ofMinutes(4)), 5, 0.08, CanaryHistory.fast());
    String history =
        CanaryHistory.openMetrics(pods, NOW.minus(Duration.ofMinutes(1)), Duration.ofSeconds(15));
    prometheus = LocalPrometheus.startWithHistory(history, List.of(), Duration.ofSeconds(15));
  }

  @AfterAll
  static void stop() {
    if (prometheus != null) {
      prometheus.close();
    }
  }

  private static AnalysisResult replay(String service) throws Exception {
    return replay(service, prometheus.url());
  }

  private static AnalysisResult replay(String service, String address) throws Exception {
    return Analyzer.analyze(
        AnalysisRequest.of(List.of(new SourceText("artifacts/param-kernel/rollout.yaml", bundle)))
            .withArgs(
                Map.of("service-name", service, "latest-hash", service, "stable-hash", STABLE_HASH))
            .withPrometheusAddress(address)
            .withMode(AnalysisRequest.Mode.replay(START)));
  }

  private static double value(Measurement m) {
    return GoText.parseFloat(m.value().substring(1, m.value().length() - 1));
  }

  @Test
  void aHealthyCanaryPasses() throws Exception {
    AnalysisResult r = replay("healthy-canary");
    assertThat(r.phase()).isEqualTo(Phase.SUCCESSFUL);
    assertThat(r.measurementCount()).isEqualTo(15);
    AnalysisResult.MetricResult errors = r.metric("error-rate").orElseThrow();
    assertThat(errors.measurements()).extracting(Measurement::value).containsOnly("[0]");
    assertThat(errors.measurements().get(0).instant()).isEqualTo(START.plusSeconds(150));
    AnalysisResult.MetricResult latency = r.metric("latency-p95").orElseThrow();
    // 90% at or below the 8 ms bound, 10% in (17.5, 20] ms: rank 0.95 lies halfway into that
    // bucket, so histogram_quantile interpolates to 18.75 ms
    assertThat(latency.measurements())
        .allSatisfy(m -> assertThat(value(m)).isCloseTo(0.01875, within(1e-9)));
    assertThat(r.metric("warmup").orElseThrow().phase()).isEqualTo(Phase.NOT_RUN);
    // the canary's latency mix is the stable pod's: the ratio of the two p95s is 1
    assertThat(r.metric("latency-p95-vs-stable").orElseThrow().measurements())
        .allSatisfy(m -> assertThat(value(m)).isCloseTo(1.0, within(1e-9)));
  }

  @Test
  void fivePercentErrorsFailAtTheSecondMeasurement() throws Exception {
    AnalysisResult r = replay("erroring-canary");
    assertThat(r.phase()).isEqualTo(Phase.FAILED);
    assertThat(r.message())
        .isEqualTo("Metric \"error-rate\" assessed Failed due to failed (2) > failureLimit (1)");
    AnalysisResult.MetricResult errors = r.metric("error-rate").orElseThrow();
    assertThat(errors.measurements())
        .hasSize(2)
        .allSatisfy(
            m -> {
              assertThat(m.phase()).isEqualTo(Phase.FAILED);
              assertThat(value(m)).isCloseTo(0.05, within(1e-9));
            });
    assertThat(r.metric("latency-p95").orElseThrow().phase()).isEqualTo(Phase.SUCCESSFUL);
  }

  @Test
  void aSlowCanaryFailsOnLatency() throws Exception {
    AnalysisResult r = replay("slow-canary");
    assertThat(r.phase()).isEqualTo(Phase.FAILED);
    assertThat(r.message())
        .isEqualTo("Metric \"latency-p95\" assessed Failed due to failed (2) > failureLimit (1)");
    assertThat(value(r.metric("latency-p95").orElseThrow().measurements().get(0)))
        .isGreaterThan(0.06);
  }

  @Test
  void noApiTrafficIsInconclusiveNeverSuccessful() throws Exception {
    AnalysisResult r = replay("idle-canary");
    assertThat(r.phase()).isEqualTo(Phase.INCONCLUSIVE);
    assertThat(r.metric("error-rate").orElseThrow().measurements().get(0).value())
        .isEqualTo("[NaN]");
    // below 1 request per second the ratio is not judged: an empty result
    assertThat(r.metric("latency-p95-vs-stable").orElseThrow().measurements().get(0).value())
        .isEqualTo("[]");
    assertThat(r.measurementCount()).isEqualTo(3);
  }

  @Test
  void seriesThatDoNotExistAreInconclusive() throws Exception {
    AnalysisResult r = replay("no-such-service");
    assertThat(r.phase()).isEqualTo(Phase.INCONCLUSIVE);
    assertThat(r.metric("latency-p95").orElseThrow().measurements().get(0).value()).isEqualTo("[]");
  }

  @Test
  void anIncidentDuringTheAnalysisFailsIt() throws Exception {
    AnalysisResult r = replay("incident-canary");
    assertThat(r.phase()).isEqualTo(Phase.FAILED);
    List<Measurement> errors = r.metric("error-rate").orElseThrow().measurements();
    assertThat(errors.get(0).phase()).isEqualTo(Phase.SUCCESSFUL);
    assertThat(errors.get(errors.size() - 1).phase()).isEqualTo(Phase.FAILED);
  }

  @Test
  void anUnreachablePrometheusIsAnErrorAfterFiveTriesTenSecondsApart() throws Exception {
    AnalysisResult r = replay("healthy-canary", "http://127.0.0.1:" + FreePorts.loopback());
    assertThat(r.phase()).isEqualTo(Phase.ERROR);
    assertThat(r.unreachable()).isTrue();
    assertThat(r.message())
        .startsWith(
            "Metric \"error-rate\" assessed Error due to consecutiveErrors (5) >"
                + " consecutiveErrorLimit (4): \"Error Message: Post \"http://127.0.0.1:");
    assertThat(r.metric("error-rate").orElseThrow().measurements())
        .extracting(Measurement::instant)
        .containsExactly(
            START.plusSeconds(150),
            START.plusSeconds(160),
            START.plusSeconds(170),
            START.plusSeconds(180),
            START.plusSeconds(190));
  }

  @Test
  void severalRunsAtOnceInOneJvmKeepTheirOwnResults() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      CompletableFuture<AnalysisResult> healthy =
          CompletableFuture.supplyAsync(() -> run("healthy-canary"), pool);
      CompletableFuture<AnalysisResult> erroring =
          CompletableFuture.supplyAsync(() -> run("erroring-canary"), pool);
      CompletableFuture<AnalysisResult> slow =
          CompletableFuture.supplyAsync(() -> run("slow-canary"), pool);
      assertThat(healthy.get().phase()).isEqualTo(Phase.SUCCESSFUL);
      assertThat(erroring.get().phase()).isEqualTo(Phase.FAILED);
      assertThat(erroring.get().message()).contains("error-rate");
      assertThat(slow.get().message()).contains("latency-p95");
    } finally {
      pool.shutdownNow();
    }
  }

  private static AnalysisResult run(String service) {
    try {
      return replay(service);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
