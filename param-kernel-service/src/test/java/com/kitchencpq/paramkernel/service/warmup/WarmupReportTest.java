package com.kitchencpq.paramkernel.service.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** The evidence documents and the verdict, from runs with known latencies. */
class WarmupReportTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant STARTED = Instant.parse("2026-03-01T10:00:00Z");

  /** A finished run: latencies in microseconds, outcomes per request. */
  static WarmupRun.Result result(long[] micros, String[] outcomes) {
    long[] nanos = Arrays.stream(micros).map(m -> m * 1000).toArray();
    Map<String, Integer> byOutcome = new TreeMap<>();
    int ok = 0;
    int firstFailure = -1;
    for (int i = 0; i < outcomes.length; i++) {
      byOutcome.merge(outcomes[i], 1, Integer::sum);
      if (outcomes[i].equals("200")) {
        ok++;
      } else if (firstFailure < 0) {
        firstFailure = i;
      }
    }
    return new WarmupRun.Result(
        micros.length,
        ok,
        byOutcome,
        0,
        0,
        0,
        0,
        1.0,
        nanos,
        outcomes,
        firstFailure,
        byOutcome.containsKey("io") ? "ConnectException: Connection refused" : null);
  }

  static String[] all(String outcome, int n) {
    String[] o = new String[n];
    Arrays.fill(o, outcome);
    return o;
  }

  private static WarmupOptions options(String... extra) throws Exception {
    String[] args = new String[extra.length + 1];
    args[0] = "--target=http://canary.ns.svc:80";
    System.arraycopy(extra, 0, args, 1, extra.length);
    return WarmupOptions.parse(args);
  }

  /** 40 requests in 4 iterations: the first slow (cold), then 1..30 ms. */
  private static long[] coldThenSteady() {
    long[] micros = new long[40];
    for (int i = 0; i < 10; i++) {
      micros[i] = 200_000 + i; // the cold first iteration: 200 ms
    }
    for (int i = 10; i < 40; i++) {
      micros[i] = (i - 9) * 1000L; // 1 ms .. 30 ms
    }
    return micros;
  }

  @Test
  void theJudgedWindowLeavesOutTheFirstIterationAndItsPercentilesComeFromTheHistogram()
      throws Exception {
    WarmupOptions o = options("--requests=40", "--iterations=4");
    WarmupReport r =
        WarmupReport.of(
            STARTED, "ab".repeat(32), 21875, o, result(coldThenSteady(), all("200", 40)));

    assertThat(r.passed()).as(r.problemMessages().toString()).isTrue();
    assertThat(r.histogram().getTotalCount()).isEqualTo(30);
    assertThat(r.allRequests().getTotalCount()).isEqualTo(40);
    // nearest rank over 1..30 ms, at HdrHistogram's resolution (3 significant digits)
    assertThat(r.percentiles().p50Micros()).isEqualTo(r.histogram().getValueAtPercentile(50));
    assertThat(r.histogram().valuesAreEquivalent(r.percentiles().p50Micros(), 15_000)).isTrue();
    assertThat(r.histogram().valuesAreEquivalent(r.percentiles().p95Micros(), 29_000)).isTrue();
    assertThat(r.histogram().valuesAreEquivalent(r.percentiles().maxMicros(), 30_000)).isTrue();
    assertThat(r.judgedWindow()).isEqualTo("iterations 2-4");
    assertThat(r.iterations())
        .extracting(WarmupReport.Iteration::judged)
        .containsExactly(false, true, true, true);
    assertThat(r.iterations().get(0).percentiles().maxMillis()).isGreaterThan(200);
  }

  @Test
  void theRunLogHasTheContractKeysAndTheHistogramDecodesToItsNumbers() throws Exception {
    WarmupOptions o = options("--requests=40", "--iterations=4", "--rate=20", "--concurrency=5");
    WarmupReport r =
        WarmupReport.of(
            STARTED, "ab".repeat(32), 21875, o, result(coldThenSteady(), all("200", 40)));

    JsonNode log = JSON.readTree(r.runLogJson());
    assertThat(r.runLogJson()).doesNotContain("\n");
    assertThat(log.fieldNames())
        .toIterable()
        .contains(
            "startedAt",
            "payloadSha256",
            "ratePerSecond",
            "concurrency",
            "iterations",
            "requests",
            "outcomes",
            "p50Ms",
            "p95Ms",
            "p99Ms",
            "p999Ms",
            "maxMs",
            "passed",
            "problems",
            "target",
            "judgedRequests");
    assertThat(log.get("startedAt").asText()).isEqualTo("2026-03-01T10:00:00Z");
    assertThat(log.get("payloadSha256").asText()).isEqualTo("ab".repeat(32));
    assertThat(log.get("ratePerSecond").asDouble()).isEqualTo(20);
    assertThat(log.get("concurrency").asInt()).isEqualTo(5);
    assertThat(log.get("iterations").asInt()).isEqualTo(4);
    assertThat(log.get("requests").asInt()).isEqualTo(40);
    assertThat(log.get("judgedRequests").asInt()).isEqualTo(30);
    assertThat(log.get("outcomes").get("200").asInt()).isEqualTo(40);
    assertThat(log.get("passed").asBoolean()).isTrue();
    assertThat(log.get("problems")).isEmpty();
    assertThat(log.get("perIteration")).hasSize(4);

    JsonNode doc = JSON.readTree(r.histogramJson());
    assertThat(doc.get("unit").asText()).isEqualTo("microseconds");
    assertThat(doc.get("decode").asText())
        .isEqualTo("org.HdrHistogram.Histogram.fromString(histogram)");
    Histogram decoded = Histogram.fromString(doc.get("histogram").asText());
    assertThat(decoded).isEqualTo(r.histogram());
    assertThat(decoded.getTotalCount()).isEqualTo(doc.get("totalCount").asLong()).isEqualTo(30);
    assertRecomputed(log, decoded);
    assertThat(doc.get("percentilesMs").get("p95").decimalValue())
        .isEqualByComparingTo(log.get("p95Ms").decimalValue());
    Histogram everything = Histogram.fromString(doc.get("allRequests").get("histogram").asText());
    assertThat(everything.getTotalCount()).isEqualTo(40);
  }

  /** The run log's percentiles are exactly the decoded histogram's. */
  static void assertRecomputed(JsonNode log, Histogram h) {
    assertThat(log.get("p50Ms").decimalValue().movePointRight(3).longValueExact())
        .isEqualTo(h.getValueAtPercentile(50));
    assertThat(log.get("p95Ms").decimalValue().movePointRight(3).longValueExact())
        .isEqualTo(h.getValueAtPercentile(95));
    assertThat(log.get("p99Ms").decimalValue().movePointRight(3).longValueExact())
        .isEqualTo(h.getValueAtPercentile(99));
    assertThat(log.get("p999Ms").decimalValue().movePointRight(3).longValueExact())
        .isEqualTo(h.getValueAtPercentile(99.9));
    assertThat(log.get("maxMs").decimalValue().movePointRight(3).longValueExact())
        .isEqualTo(h.getMaxValue());
  }

  @Test
  void theHgrmIsHdrHistogramsPercentileDistributionInMilliseconds() throws Exception {
    WarmupReport r =
        WarmupReport.of(
            STARTED,
            "ab".repeat(32),
            1,
            options("--requests=40", "--iterations=4"),
            result(coldThenSteady(), all("200", 40)));
    String hgrm = r.hgrm();
    assertThat(hgrm.lines().findFirst().orElseThrow().trim())
        .isEqualTo("Value     Percentile TotalCount 1/(1-Percentile)");
    assertThat(hgrm).contains("#[Mean    =", "30.015, Total count    =           30]");
    // deterministic: the same run renders the same bytes
    WarmupReport again =
        WarmupReport.of(
            STARTED,
            "ab".repeat(32),
            1,
            options("--requests=40", "--iterations=4"),
            result(coldThenSteady(), all("200", 40)));
    assertThat(again.files().get("histogram.hgrm"))
        .isEqualTo(hgrm.getBytes(StandardCharsets.UTF_8));
    assertThat(again.histogramJson()).isEqualTo(r.histogramJson());
  }

  @Test
  void slowAnswersFailOnTheLimitTheyExceed() throws Exception {
    long[] micros = new long[200];
    Arrays.fill(micros, 50_000);
    micros[150] = 90_000; // two of the 100 judged: p99 (rank 99) is one of them, p95 is not
    micros[151] = 90_000;
    WarmupReport r =
        WarmupReport.of(
            STARTED,
            "ab".repeat(32),
            1,
            options("--requests=200", "--iterations=2"),
            result(micros, all("200", 200)));
    assertThat(r.passed()).isFalse();
    assertThat(r.problems())
        .extracting(WarmupReport.Problem::kind)
        .containsExactly(WarmupReport.Problem.Kind.P95, WarmupReport.Problem.Kind.P99);
    assertThat(r.problemMessages().get(0))
        .startsWith("p95 50.")
        .endsWith(" ms over iteration 2 is not below the limit of 45 ms");
    assertThat(r.problemMessages().get(1))
        .startsWith("p99 90.")
        .endsWith(" ms over iteration 2 is not below the limit of 70 ms");
    assertThat(r.summaryLine()).startsWith("FAILED: p95 ");
  }

  @Test
  void aFailedRequestInTheUnjudgedIterationStillFailsTheWarmup() throws Exception {
    String[] outcomes = all("200", 20);
    outcomes[3] = "503";
    long[] micros = new long[20];
    Arrays.fill(micros, 1_000);
    WarmupReport r =
        WarmupReport.of(
            STARTED,
            "ab".repeat(32),
            1,
            options("--requests=20", "--iterations=2"),
            result(micros, outcomes));
    assertThat(r.problems())
        .extracting(WarmupReport.Problem::kind)
        .containsExactly(WarmupReport.Problem.Kind.FAILED_REQUESTS);
    assertThat(r.problemMessages().get(0))
        .isEqualTo("1 of 20 requests did not answer 200: {200=19, 503=1}");
    assertThat(r.iterations().get(0).failed()).isEqualTo(1);
    assertThat(r.iterations().get(1).failed()).isZero();
  }

  @Test
  void noAnswerAtAllIsReportedAsUnreachableNamingTheTarget() throws Exception {
    long[] micros = new long[10];
    Arrays.fill(micros, 300);
    WarmupReport r =
        WarmupReport.of(
            STARTED,
            "ab".repeat(32),
            1,
            options("--requests=10", "--iterations=2"),
            result(micros, all("io", 10)));
    assertThat(r.unreachable()).isTrue();
    assertThat(r.problemMessages())
        .containsExactly(
            "no answer from http://canary.ns.svc:80 to any of the 10 requests: ConnectException:"
                + " Connection refused");
  }
}
