package com.kitchencpq.paramkernel.service.warmup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The job's evidence upload against a real S3-compatible store (S3Proxy, started by the test on a
 * free loopback port) through URLs pre-signed by the AWS SDK, as an operator would hand them to the
 * job: the objects hold exactly the bytes the job wrote, and a refused upload fails the job (or
 * only warns, when asked) without ever showing the URL's signature.
 */
class WarmupUploadIT {
  private static final String BUCKET = "perf-artifacts";
  private static final String PREFIX = "pkernel/warmup/";

  private static LocalS3Store store;
  private static ServiceUnderTest service;

  @TempDir Path dir;

  @BeforeAll
  static void start(@TempDir Path storeDir) {
    service = ServiceUnderTest.real();
    store = LocalS3Store.start(storeDir);
    store.client().createBucket(b -> b.bucket(BUCKET));
  }

  @AfterAll
  static void stop() {
    if (store != null) {
      store.close();
    }
    if (service != null) {
      service.close();
    }
  }

  private String[] profile(String... more) {
    String[] base = {
      "--target=" + service.baseUrl(),
      "--requests=20",
      "--rate=40",
      "--iterations=2",
      "--max-p95-ms=5000",
      "--max-p99-ms=5000",
      "--output-dir=" + dir
    };
    String[] all = new String[base.length + more.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }

  private byte[] object(String key) {
    return store.client().getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asByteArray();
  }

  private static String signature(URI url) {
    for (String pair : url.getRawQuery().split("&")) {
      if (pair.startsWith("X-Amz-Signature=")) {
        return pair.substring(pair.indexOf('=') + 1);
      }
    }
    throw new AssertionError("not a pre-signed URL: " + url.getPath());
  }

  @Test
  void theEvidenceLandsInTheStoreByteForByte() throws Exception {
    URI runLog = store.presignPut(BUCKET, PREFIX + "run-log.json", Duration.ofMinutes(5));
    URI histogram = store.presignPut(BUCKET, PREFIX + "latest.json", Duration.ofMinutes(5));
    URI hgrm = store.presignPut(BUCKET, PREFIX + "latest.hgrm", Duration.ofMinutes(5));

    WarmupMainIT.Run r =
        WarmupMainIT.run(
            profile(
                "--upload-run-log=" + runLog,
                "--upload-histogram=" + histogram,
                "--upload-hgrm=" + hgrm));

    assertThat(r.exitCode()).as(r.stderr() + "\n" + store.logTail()).isZero();
    assertThat(object(PREFIX + "run-log.json"))
        .isEqualTo(Files.readAllBytes(dir.resolve("run-log.json")));
    assertThat(object(PREFIX + "latest.json"))
        .isEqualTo(Files.readAllBytes(dir.resolve("histogram.json")));
    assertThat(object(PREFIX + "latest.hgrm"))
        .isEqualTo(Files.readAllBytes(dir.resolve("histogram.hgrm")));
    assertThat(new String(object(PREFIX + "run-log.json"), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo(r.stdout().get(0) + "\n");
    assertThat(
            store
                .client()
                .headObject(b -> b.bucket(BUCKET).key(PREFIX + "latest.json"))
                .contentType())
        .isEqualTo("application/json");

    assertThat(r.stderr())
        .contains(
            "warmup: uploaded histogram.json to "
                + store.endpoint()
                + "/"
                + BUCKET
                + "/"
                + PREFIX
                + "latest.json");
    String everything = String.join("\n", r.stdout()) + r.stderr();
    for (URI url : new URI[] {runLog, histogram, hgrm}) {
      assertThat(everything).doesNotContain(signature(url)).doesNotContain(url.getRawQuery());
    }
  }

  @Test
  void aRefusedUploadFailsTheJobAndNamesTheStoresReasonButNotTheSignature() throws Exception {
    URI good = store.presignPut(BUCKET, PREFIX + "refused.json", Duration.ofMinutes(5));
    String sig = signature(good);
    String forged = (sig.charAt(0) == '0' ? "1" : "0") + sig.substring(1);
    URI bad = URI.create(good.toString().replace(sig, forged));

    WarmupMainIT.Run r = WarmupMainIT.run(profile("--upload-histogram=" + bad));

    assertThat(r.exitCode()).as(r.stderr()).isEqualTo(WarmupMain.EVIDENCE_NOT_STORED);
    assertThat(r.stderr())
        .contains(
            "warmup: histogram.json not stored: upload to "
                + store.endpoint()
                + "/"
                + BUCKET
                + "/"
                + PREFIX
                + "refused.json failed: HTTP 403 SignatureDoesNotMatch");
    assertThat(r.stderr()).doesNotContain(sig).doesNotContain(forged).doesNotContain("X-Amz-");
    // the warm-up itself passed, and its evidence is still on stdout and on disk
    assertThat(r.runLog().get("passed").asBoolean()).isTrue();
    assertThat(dir.resolve("histogram.json")).exists();
    assertThatThrownBy(() -> object(PREFIX + "refused.json"))
        .isInstanceOf(NoSuchKeyException.class);
  }

  @Test
  void aStoreThatNeverAnswersCannotHoldTheJobPastTheUploadBudget() throws Exception {
    // A peer that accepts the connection and the bytes and then says nothing.
    try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
      URI url =
          URI.create(
              "http://127.0.0.1:"
                  + silent.getLocalPort()
                  + "/"
                  + BUCKET
                  + "/hang.json?X-Amz-Signature=0123456789abcdef");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      long start = System.nanoTime();

      int code =
          WarmupMain.run(
              profile("--upload-run-log=" + url, "--upload-histogram=" + url),
              new PrintStream(out, true, StandardCharsets.UTF_8),
              new PrintStream(err, true, StandardCharsets.UTF_8),
              new PresignedUpload(Duration.ofSeconds(10), Duration.ofMillis(100)),
              Duration.ofSeconds(2));

      String stderr = err.toString(StandardCharsets.UTF_8);
      assertThat(code).as(stderr).isEqualTo(WarmupMain.EVIDENCE_NOT_STORED);
      // the warm-up itself (20 requests at 40/s) plus the 2 s budget, not 2 files x 3 attempts x 10
      // s
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
      assertThat(stderr)
          .contains(
              "warmup: run-log.json not stored: upload to http://127.0.0.1:"
                  + silent.getLocalPort()
                  + "/"
                  + BUCKET
                  + "/hang.json failed: SocketTimeoutException: Read timed out")
          .contains(
              "warmup: histogram.json not stored: upload to http://127.0.0.1:"
                  + silent.getLocalPort()
                  + "/"
                  + BUCKET
                  + "/hang.json failed: ")
          .doesNotContain("0123456789abcdef");
    }
  }

  @Test
  void anExpiredUrlOnlyWarnsWhenAskedTo() throws Exception {
    URI expiring = store.presignPut(BUCKET, PREFIX + "expired.json", Duration.ofSeconds(1));
    Thread.sleep(2_000);

    WarmupMainIT.Run r =
        WarmupMainIT.run(profile("--upload-run-log=" + expiring, "--upload-failure=warn"));

    assertThat(r.exitCode()).as(r.stderr()).isEqualTo(WarmupMain.PASSED);
    assertThat(r.stderr())
        .contains(
            "warmup: WARNING run-log.json not stored (--upload-failure=warn): upload to "
                + store.endpoint()
                + "/"
                + BUCKET
                + "/"
                + PREFIX
                + "expired.json failed: HTTP 403 AccessDenied");
    assertThat(r.stderr()).doesNotContain(signature(expiring));
  }
}
