package com.kitchencpq.paramkernel.plugin.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import com.kitchencpq.paramkernel.plugin.argo.ArgoVersion;
import com.kitchencpq.paramkernel.testkit.FreePorts;
import com.kitchencpq.paramkernel.testkit.LocalPrometheus;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The provider against a real Prometheus (Debian's, started by the test kit on a free loopback
 * port): what each kind of answer is bound to and how it is shown, the errors Prometheus gives, an
 * address where nothing listens or nothing answers, and a query at a past instant.
 */
class PrometheusProviderIT {
  private static final ArgoVersion V19 = ArgoVersion.V1_9;
  private static final AtomicLong SCRAPES = new AtomicLong();
  private static HttpServer target;
  private static LocalPrometheus prometheus;

  @BeforeAll
  static void start() throws Exception {
    // a target whose gauge counts its scrapes: every scrape sees a larger value
    target = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    target.createContext(
        "/metrics",
        ex -> {
          byte[] body =
              ("# TYPE pk_scrapes gauge\npk_scrapes " + SCRAPES.incrementAndGet() + "\n")
                  .getBytes(StandardCharsets.UTF_8);
          ex.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4");
          ex.sendResponseHeaders(200, body.length);
          try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
          }
        });
    target.start();
    prometheus =
        LocalPrometheus.start(
            List.of(
                new LocalPrometheus.Target(
                    "127.0.0.1:" + target.getAddress().getPort(),
                    "param-kernel-service-canary",
                    "kitchen-cpq",
                    "pk-0")));
    prometheus.awaitTargetsUp(1, Duration.ofSeconds(30));
  }

  @AfterAll
  static void stop() {
    if (prometheus != null) {
      prometheus.close();
    }
    if (target != null) {
      target.stop(0);
    }
  }

  private static MetricSpec metric(String query, String success, String failure) {
    return metric(prometheus.url(), query, success, failure, null, null);
  }

  private static MetricSpec metric(
      String address,
      String query,
      String success,
      String failure,
      Long timeout,
      MetricSpec.RangeQuery range) {
    return new MetricSpec(
        "m",
        "AnalysisTemplate 't'",
        "",
        "",
        null,
        null,
        null,
        null,
        null,
        success,
        failure,
        List.of("prometheus"),
        new MetricSpec.PrometheusSpec(
            address, query, timeout, false, List.of(), range, false, false));
  }

  private static MeasurementSource.Observation measure(MetricSpec m) throws InterruptedException {
    return measure(m, Instant.now());
  }

  private static MeasurementSource.Observation measure(MetricSpec m, Instant at)
      throws InterruptedException {
    return new PrometheusProvider(V19).measure(m, at);
  }

  @Test
  void aVectorIsAListOfFloatsInPrometheusOrder() throws Exception {
    MeasurementSource.Observation o =
        measure(
            metric(
                "sort(label_replace(vector(0.5), \"a\", \"x\", \"\", \"\") or"
                    + " label_replace(vector(2), \"a\", \"y\", \"\", \"\"))",
                "len(result) == 2 && result[0] < result[1]",
                ""));
    assertThat(o.phase()).isEqualTo(Phase.SUCCESSFUL);
    assertThat(o.value()).isEqualTo("[0.5,2]");
  }

  @Test
  void aVectorComparedLikeAScalarIsAnError() throws Exception {
    MeasurementSource.Observation o = measure(metric("vector(0.97)", "result >= 0.95", ""));
    assertThat(o.phase()).isEqualTo(Phase.ERROR);
    assertThat(o.message())
        .isEqualTo("invalid operation: >= (mismatched types []float64 and float64)");
  }

  @Test
  void aScalarIsOneFloat() throws Exception {
    MeasurementSource.Observation o =
        measure(metric("scalar(vector(0.25))", "result == 0.25", "result > 0.5"));
    assertThat(o.phase()).isEqualTo(Phase.SUCCESSFUL);
    assertThat(o.value()).isEqualTo("0.25");
  }

  @Test
  void anEmptyVectorIsShownAsEmptyAndIndexingItIsAnError() throws Exception {
    MeasurementSource.Observation empty =
        measure(metric("pk_scrapes{service=\"nope\"}", "len(result) == 0", ""));
    assertThat(empty.phase()).isEqualTo(Phase.SUCCESSFUL);
    assertThat(empty.value()).isEqualTo("[]");
    MeasurementSource.Observation indexed =
        measure(metric("pk_scrapes{service=\"nope\"}", "result[0] < 1", ""));
    assertThat(indexed.phase()).isEqualTo(Phase.ERROR);
    assertThat(indexed.message()).isEqualTo("reflect: slice index out of range");
    assertThat(indexed.value()).isNull();
  }

  @Test
  void nanIsKeptAndComparesFalse() throws Exception {
    MeasurementSource.Observation vector =
        measure(metric("vector(0) / 0", "result[0] < 0.01", "result[0] > 0.03"));
    assertThat(vector.value()).isEqualTo("[NaN]");
    assertThat(vector.phase()).isEqualTo(Phase.INCONCLUSIVE);
    MeasurementSource.Observation scalar =
        measure(metric("scalar(vector(0) / 0)", "result >= 0.9", ""));
    assertThat(scalar.value()).isEqualTo("NaN");
    assertThat(scalar.phase()).isEqualTo(Phase.FAILED);
  }

  @Test
  void infinityIsKept() throws Exception {
    MeasurementSource.Observation o = measure(metric("vector(1) / 0", "", "isInf(result[0])"));
    assertThat(o.value()).isEqualTo("[+Inf]");
    assertThat(o.phase()).isEqualTo(Phase.FAILED);
    assertThat(measure(metric("-1 / 0", "result < 0", "")).value()).isEqualTo("-Inf");
  }

  @Test
  void aQueryPrometheusRejectsIsAnErrorWithItsMessage() throws Exception {
    MeasurementSource.Observation o = measure(metric("rate(pk_scrapes[1m]", "true", ""));
    assertThat(o.phase()).isEqualTo(Phase.ERROR);
    assertThat(o.message()).startsWith("bad_data: ").contains("parse error");
    assertThat(o.unreachable()).isFalse();
  }

  @Test
  void aStringResultIsNotAValueArgoCanBind() throws Exception {
    // client_golang's queryResult.UnmarshalJSON knows scalar, vector and matrix only
    MeasurementSource.Observation o = measure(metric("\"hello\"", "true", ""));
    assertThat(o.phase()).isEqualTo(Phase.ERROR);
    assertThat(o.message()).isEqualTo("unexpected value type \"string\"");
  }

  @Test
  void aRangeQueryIsFlattenedIntoOneList() throws Exception {
    Instant at = Instant.now();
    MeasurementSource.Observation o =
        measure(
            metric(
                prometheus.url(),
                "vector(1)",
                "all(result, # == 1)",
                "",
                null,
                new MetricSpec.RangeQuery("now() - duration(\"1m\")", "now()", "30s")),
            at);
    assertThat(o.value()).isEqualTo("[1,1,1]");
    assertThat(o.phase()).isEqualTo(Phase.SUCCESSFUL);
    MeasurementSource.Observation bad =
        measure(
            metric(
                prometheus.url(),
                "vector(1)",
                "true",
                "",
                null,
                new MetricSpec.RangeQuery("now() - duration(\"1 m\")", "now()", "30s")),
            at);
    assertThat(bad.message())
        .isEqualTo(
            "failed to parse rangeQuery.start as time: time: unknown unit \" m\" in duration \"1"
                + " m\"");
  }

  @Test
  void anAddressWhereNothingListensIsAnUnreachableError() throws Exception {
    int port = FreePorts.loopback();
    MeasurementSource.Observation o =
        measure(metric("http://127.0.0.1:" + port, "vector(1)", "true", "", 2L, null));
    assertThat(o.phase()).isEqualTo(Phase.ERROR);
    assertThat(o.message())
        .isEqualTo(
            "Post \"http://127.0.0.1:"
                + port
                + "/api/v1/query\": dial tcp 127.0.0.1:"
                + port
                + ": connect: connection refused");
    assertThat(o.unreachable()).isTrue();
  }

  @Test
  void aPrometheusThatNeverAnswersRunsIntoTheTimeout() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      List<Socket> accepted = new ArrayList<>();
      Thread acceptor =
          new Thread(
              () -> {
                try {
                  while (true) {
                    accepted.add(silent.accept());
                  }
                } catch (Exception e) {
                  // closed
                }
              });
      acceptor.setDaemon(true);
      acceptor.start();
      long t0 = System.nanoTime();
      MeasurementSource.Observation o =
          measure(
              metric(
                  "http://127.0.0.1:" + silent.getLocalPort(), "vector(1)", "true", "", 1L, null));
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertThat(o.message())
          .isEqualTo(
              "Post \"http://127.0.0.1:"
                  + silent.getLocalPort()
                  + "/api/v1/query\": context deadline exceeded");
      assertThat(o.unreachable()).isTrue();
      assertThat(ms).as("the metric's timeout of 1 s bounds the query").isLessThan(5000);
      for (Socket s : accepted) {
        s.close();
      }
    }
  }

  @Test
  void aWrongPathIsAClientError() throws Exception {
    MeasurementSource.Observation o =
        measure(metric(prometheus.url() + "/nope", "vector(1)", "true", "", null, null));
    assertThat(o.message()).isEqualTo("client_error: client error: 404");
  }

  @Test
  void providerChecksComeBeforeAnyQuery() throws Exception {
    assertThat(measure(metric("", "vector(1)", "true", "", null, null)).message())
        .isEqualTo("prometheus address is not configured");
    assertThat(
            measure(
                    metric(
                        "${PARAM_KERNEL_PROMETHEUS_ADDRESS:-http://x}",
                        "vector(1)",
                        "true",
                        "",
                        null,
                        null))
                .message())
        .isEqualTo("prometheus address is not is url format");
    assertThat(measure(metric(prometheus.url(), "vector(1)", "true", "", -1L, null)).message())
        .isEqualTo("prometheus timeout should not be negative");
  }

  @Test
  void aPastInstantGetsThatInstantsData() throws Exception {
    // time() is the evaluation time: the query is evaluated at exactly the instant asked for
    Instant past = Instant.ofEpochSecond(Instant.now().getEpochSecond() - 600, 250_000_000);
    MeasurementSource.Observation clock = measure(metric("time()", "true", ""), past);
    assertThat(clock.value()).isEqualTo(GoText.formatFloat(past.getEpochSecond() + 0.25));

    // and the data: the scrape counter at an earlier instant is the smaller value seen then
    Instant earlier = Instant.now();
    double then =
        Double.parseDouble(
            stripBrackets(measure(metric("pk_scrapes", "true", ""), earlier).value()));
    long deadline = System.nanoTime() + 20_000_000_000L;
    double now;
    do {
      Thread.sleep(500);
      now = Double.parseDouble(stripBrackets(measure(metric("pk_scrapes", "true", "")).value()));
    } while (now <= then && System.nanoTime() < deadline);
    assertThat(now).isGreaterThan(then);
    assertThat(stripBrackets(measure(metric("pk_scrapes", "true", ""), earlier).value()))
        .isEqualTo(GoText.formatFloat(then));
  }

  private static String stripBrackets(String v) {
    return v.substring(1, v.length() - 1);
  }
}
