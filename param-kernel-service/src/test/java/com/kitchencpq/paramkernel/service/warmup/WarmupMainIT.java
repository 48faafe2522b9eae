package com.kitchencpq.paramkernel.service.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kitchencpq.paramkernel.service.kernel.BaselinePayload;
import com.kitchencpq.paramkernel.testkit.FreePorts;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warm-up job against the real service over real HTTP: started in this JVM on a free loopback
 * port, as is, made slow, or answering 5xx (through the server's kernel seam), and against a port
 * where nothing listens. Short profiles (about a second each) with the same shape as the plan's:
 * several iterations, the first left out of the judged window.
 */
class WarmupMainIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  /** What one run of the job printed and returned. */
  record Run(int exitCode, List<String> stdout, String stderr) {
    JsonNode runLog() throws Exception {
      return JSON.readTree(stdout.get(0));
    }

    JsonNode histogramDoc() throws Exception {
      return JSON.readTree(stdout.get(1));
    }
  }

  static Run run(String... args) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        WarmupMain.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    List<String> lines =
        new ArrayList<>(Arrays.asList(out.toString(StandardCharsets.UTF_8).split("\n")));
    lines.removeIf(String::isEmpty);
    return new Run(code, lines, err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aPassingRunPrintsAndWritesConsistentEvidence() throws Exception {
    try (ServiceUnderTest service = ServiceUnderTest.real()) {
      // The plan's shape at twice the rate, in 4 iterations of 10 (one second in all). The
      // limits are far above any loopback answer: this case is about the pass path and the
      // evidence, not about this machine's speed (benchmarks measure that, see docs/warmup.md).
      Run r =
          run(
              "--target=" + service.baseUrl(),
              "--requests=40",
              "--rate=40",
              "--concurrency=5",
              "--iterations=4",
              "--judge-skip-iterations=1",
              "--max-p95-ms=5000",
              "--max-p99-ms=5000",
              "--output-dir=" + dir.resolve("evidence"));

      assertThat(r.exitCode()).as(r.stderr()).isZero();
      assertThat(service.kernelCalls.get()).isEqualTo(40);
      assertThat(r.stdout()).as("one line each: run log and histogram").hasSize(2);
      assertThat(r.stderr()).contains("warmup: passed: p95 ");

      JsonNode log = r.runLog();
      assertThat(log.get("event").asText()).isEqualTo("warmup");
      assertThat(log.get("payloadSha256").asText()).isEqualTo(BaselinePayload.sha256());
      assertThat(log.get("target").asText()).isEqualTo(service.baseUrl());
      assertThat(log.get("ratePerSecond").asDouble()).isEqualTo(40);
      assertThat(log.get("concurrency").asInt()).isEqualTo(5);
      assertThat(log.get("iterations").asInt()).isEqualTo(4);
      assertThat(log.get("requests").asInt()).isEqualTo(40);
      assertThat(log.get("judgedRequests").asInt()).isEqualTo(30);
      assertThat(log.get("outcomes").toString()).isEqualTo("{\"200\":40}");
      assertThat(log.get("passed").asBoolean()).isTrue();
      assertThat(log.get("problems")).isEmpty();

      // the files are what was printed, byte for byte
      Path evidence = dir.resolve("evidence");
      assertThat(evidence.resolve("run-log.json")).hasContent(r.stdout().get(0));
      assertThat(evidence.resolve("histogram.json")).hasContent(r.stdout().get(1));
      assertThat(Files.readString(evidence.resolve("histogram.hgrm")))
          .contains(
              "Value     Percentile TotalCount 1/(1-Percentile)", "Total count    =           30]");
      try (var files = Files.list(evidence)) {
        assertThat(files.map(p -> p.getFileName().toString()))
            .containsExactlyInAnyOrder("run-log.json", "histogram.json", "histogram.hgrm");
      }

      // percentiles recomputed from the decoded histogram are the run log's
      Histogram judged = Histogram.fromString(r.histogramDoc().get("histogram").asText());
      assertThat(judged.getTotalCount()).isEqualTo(30);
      WarmupReportTest.assertRecomputed(log, judged);
      assertThat(
              Histogram.fromString(r.histogramDoc().get("allRequests").get("histogram").asText())
                  .getTotalCount())
          .isEqualTo(40);
    }
  }

  @Test
  void aSlowServiceFailsOnTheLimitsItExceeds() throws Exception {
    // Every answer held back 80 ms: above both of the plan's limits (p95 45 ms, p99 70 ms).
    try (ServiceUnderTest service = ServiceUnderTest.slow(Duration.ofMillis(80))) {
      Run r =
          run(
              "--target=" + service.baseUrl(),
              "--requests=20",
              "--rate=20",
              "--concurrency=5",
              "--iterations=2",
              "--output-dir=" + dir);

      assertThat(r.exitCode()).as(r.stderr()).isEqualTo(WarmupMain.FAILED);
      JsonNode log = r.runLog();
      assertThat(log.get("passed").asBoolean()).isFalse();
      assertThat(log.get("outcomes").toString()).isEqualTo("{\"200\":20}");
      assertThat(log.get("p95Ms").asDouble()).isGreaterThanOrEqualTo(80);
      assertThat(log.get("problems")).hasSize(2);
      assertThat(log.get("problems").get(0).asText())
          .startsWith("p95 ")
          .endsWith(" ms over iteration 2 is not below the limit of 45 ms");
      assertThat(log.get("problems").get(1).asText())
          .startsWith("p99 ")
          .endsWith(" ms over iteration 2 is not below the limit of 70 ms");
      assertThat(r.stderr()).contains("warmup: FAILED: p95 ");
      // the evidence of a failed warm-up is kept too
      assertThat(dir.resolve("run-log.json")).hasContent(r.stdout().get(0));
    }
  }

  @Test
  void aServiceAnswering5xxFailsTheWarmupWithTheCounts() throws Exception {
    try (ServiceUnderTest service = ServiceUnderTest.failingEvery(5)) {
      Run r =
          run(
              "--target=" + service.baseUrl(),
              "--requests=20",
              "--rate=40",
              "--iterations=2",
              "--max-p95-ms=5000",
              "--max-p99-ms=5000");

      assertThat(r.exitCode()).as(r.stderr()).isEqualTo(WarmupMain.FAILED);
      JsonNode log = r.runLog();
      assertThat(log.get("outcomes").toString()).isEqualTo("{\"200\":16,\"500\":4}");
      assertThat(log.get("problems").get(0).asText())
          .isEqualTo("4 of 20 requests did not answer 200: {200=16, 500=4}");
      assertThat(
              log.get("perIteration").get(0).get("failed").asInt()
                  + log.get("perIteration").get(1).get("failed").asInt())
          .isEqualTo(4);
    }
  }

  @Test
  void nothingListeningFailsWithAClearMessageInsteadOfHanging() throws Exception {
    int port = FreePorts.loopback();
    Run r =
        run(
            "--target=http://127.0.0.1:" + port,
            "--requests=5",
            "--rate=50",
            "--iterations=1",
            "--judge-skip-iterations=0");

    assertThat(r.exitCode()).isEqualTo(WarmupMain.FAILED);
    assertThat(r.runLog().get("outcomes").toString()).isEqualTo("{\"io\":5}");
    assertThat(r.stderr())
        .contains(
            "warmup: FAILED: no answer from http://127.0.0.1:"
                + port
                + " to any of the 5 requests: ConnectException: Connection refused");
  }

  @Test
  void badCommandLineExitsTwoWithoutSendingAnything() throws Exception {
    Run r = run("--requests=5");
    assertThat(r.exitCode()).isEqualTo(WarmupMain.USAGE);
    assertThat(r.stdout()).isEmpty();
    assertThat(r.stderr()).contains("--target is required");
  }
}
