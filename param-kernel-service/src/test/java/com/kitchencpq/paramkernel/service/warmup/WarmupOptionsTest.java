package com.kitchencpq.paramkernel.service.warmup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WarmupOptionsTest {

  @Test
  void defaultsAreThePlansWarmupProfile() throws Exception {
    WarmupOptions o = WarmupOptions.parse("--target=http://canary.kitchen-cpq.svc:80/");
    assertThat(o.target().toString()).isEqualTo("http://canary.kitchen-cpq.svc:80");
    assertThat(o.requests()).isEqualTo(200);
    assertThat(o.ratePerSecond()).isEqualTo(20);
    assertThat(o.concurrency()).isEqualTo(5);
    assertThat(o.iterations()).isEqualTo(10);
    assertThat(o.requestsPerIteration()).isEqualTo(20);
    assertThat(o.maxP95Millis()).isEqualTo(45);
    assertThat(o.maxP99Millis()).isEqualTo(70);
    assertThat(o.requestTimeout()).isEqualTo(Duration.ofSeconds(2));
    // the steady window: the first iteration (the first second at 20/s) is not judged
    assertThat(o.judgeSkipIterations()).isEqualTo(1);
    assertThat(o.firstJudgedRequest()).isEqualTo(20);
    assertThat(o.judgedRequests()).isEqualTo(180);
  }

  @Test
  void theTemplatesCommandLineParses() throws Exception {
    WarmupOptions o =
        WarmupOptions.parse(
            "--target=http://svc.ns.svc:80",
            "--requests=200",
            "--rate=20",
            "--concurrency=5",
            "--iterations=10",
            "--judge-skip-iterations=1",
            "--max-p95-ms=45",
            "--max-p99-ms=70");
    assertThat(o.requests()).isEqualTo(200);
    assertThat(o.judgedRequests()).isEqualTo(180);
  }

  @Test
  void judgingEveryIterationIsAllowed() throws Exception {
    WarmupOptions o = WarmupOptions.parse("--target=http://x", "--judge-skip-iterations=0");
    assertThat(o.judgedRequests()).isEqualTo(200);
  }

  @Test
  void badArgumentsNameTheOption() {
    assertThatThrownBy(() -> WarmupOptions.parse()).hasMessageContaining("--target is required");
    assertThatThrownBy(() -> WarmupOptions.parse("--target=ftp://x"))
        .hasMessageContaining("--target must be an http(s) URL");
    assertThatThrownBy(() -> WarmupOptions.parse("--target=http://x", "--rate=0"))
        .hasMessageContaining("--rate must be a positive number");
    assertThatThrownBy(() -> WarmupOptions.parse("--target=http://x", "--requests=ten"))
        .hasMessageContaining("--requests must be a positive whole number");
    assertThatThrownBy(() -> WarmupOptions.parse("--target=http://x", "--speed=3"))
        .hasMessageContaining("unknown option --speed");
    assertThatThrownBy(() -> WarmupOptions.parse("target")).hasMessageContaining("--name=value");
    assertThatThrownBy(() -> WarmupOptions.parse("--target=http://x", "--iterations=7"))
        .hasMessageContaining("--iterations must divide the 200 requests");
    assertThatThrownBy(() -> WarmupOptions.parse("--target=http://x", "--judge-skip-iterations=10"))
        .hasMessageContaining(
            "--judge-skip-iterations must leave at least one of the 10 iterations");
    assertThatThrownBy(() -> WarmupOptions.parse("--target=http://x", "--judge-skip-iterations=-1"))
        .hasMessageContaining("0 or more");
    assertThatThrownBy(() -> WarmupOptions.parse("--target=http://x", "--rate=1", "--rate=2"))
        .hasMessageContaining("--rate is given twice");
  }

  @Test
  void theTargetIsABaseUrlAndNeverShowsCredentials() {
    assertThatThrownBy(() -> WarmupOptions.parse("--target=http://u:secret@x/?sig=abc"))
        .hasMessageContaining("without user info, query or fragment")
        .hasMessageNotContaining("secret")
        .hasMessageNotContaining("abc");
  }

  @Test
  void usageErrorsCarryTheOptionForTheGoalsMessages() {
    assertThatThrownBy(() -> WarmupOptions.fromValues(Map.of("target", "http://x", "rate", "fast")))
        .isInstanceOfSatisfying(
            WarmupOptions.UsageException.class,
            e -> {
              assertThat(e.option()).isEqualTo("rate");
              assertThat(e.problem()).isEqualTo("must be a positive number, got 'fast'");
            });
  }

  @Test
  void theJobTakesItsOutputsAndOnlyProtectedUploadUrls() throws Exception {
    WarmupMain.JobOptions job =
        WarmupMain.JobOptions.parse(
            "--target=http://x",
            "--output-dir=/tmp/evidence",
            "--upload-histogram=https://bucket.s3.example/latest.json?X-Amz-Signature=abcd",
            "--upload-run-log=http://127.0.0.1:9000/b/run-log.json?X-Amz-Signature=abcd");
    assertThat(job.outputDir()).isEqualTo(Path.of("/tmp/evidence"));
    assertThat(job.uploads()).containsOnlyKeys("histogram.json", "run-log.json");
    assertThat(job.uploadFailureFails()).isTrue();
    assertThat(
            WarmupMain.JobOptions.parse("--target=http://x", "--upload-failure=warn")
                .uploadFailureFails())
        .isFalse();

    assertThatThrownBy(
            () ->
                WarmupMain.JobOptions.parse(
                    "--target=http://x",
                    "--upload-hgrm=http://bucket.s3.example/h.hgrm?X-Amz-Signature=topsecret"))
        .hasMessageContaining(
            "--upload-hgrm must be a pre-signed https URL (http only to a loopback address)")
        .hasMessageContaining("http://bucket.s3.example/h.hgrm")
        .hasMessageNotContaining("topsecret");
    assertThatThrownBy(
            () -> WarmupMain.JobOptions.parse("--target=http://x", "--upload-failure=maybe"))
        .hasMessageContaining("--upload-failure must be fail or warn");
    // a URL given without its option name is not echoed either
    assertThatThrownBy(
            () ->
                WarmupMain.JobOptions.parse(
                    "--target=http://x",
                    "https://bucket.s3.example/h.hgrm?X-Amz-Signature=topsecret"))
        .hasMessageContaining("argument 2 does not")
        .hasMessageNotContaining("topsecret");
  }
}
