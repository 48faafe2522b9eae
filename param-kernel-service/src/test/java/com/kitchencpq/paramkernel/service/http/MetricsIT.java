package com.kitchencpq.paramkernel.service.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.kitchencpq.paramkernel.service.metrics.HttpMetrics;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /metrics over real HTTP: names, labels, buckets, initial series, formats. */
class MetricsIT {
  RunningService service;

  @BeforeEach
  void start() {
    service = RunningService.ready(Map.of());
  }

  @AfterEach
  void stop() {
    service.close();
  }

  private HttpResponse<String> scrape(String accept) {
    HttpRequest.Builder b = HttpRequest.newBuilder(service.uri(Routes.METRICS));
    if (accept != null) {
      b.header("Accept", accept);
    }
    return service.send(b);
  }

  @Test
  void errorSeriesOfTheApiExistAtZeroBeforeAnyRequest() {
    String text = scrape(null).body();
    assertThat(text)
        .contains(
            "http_requests_total{code=\"500\",method=\"POST\",route=\"/v1/apply-delta\"} 0.0");
    assertThat(text)
        .contains(
            "http_request_duration_seconds_count{method=\"POST\",route=\"/v1/apply-delta\"} 0");
  }

  @Test
  void histogramHasExactlyTheAgreedClassicBuckets() {
    service.postJson(HttpRulesIT.resource("small-request.json"));
    String text = scrape(null).body();
    Matcher m =
        Pattern.compile(
                "http_request_duration_seconds_bucket\\{method=\"POST\",route=\"/v1/apply-delta\",le=\"([^\"]+)\"}"
                    + " (\\S+)")
            .matcher(text);
    List<String> bounds = new ArrayList<>();
    while (m.find()) {
      bounds.add(m.group(1));
    }
    assertThat(bounds)
        .containsExactly(
            "5.0E-4", "0.001", "0.0015", "0.002", "0.0025", "0.003", "0.0035", "0.004", "0.0045",
            "0.005", "0.0055", "0.006", "0.0065", "0.007", "0.0075", "0.008", "0.009", "0.01",
            "0.011", "0.0125", "0.015", "0.0175", "0.02", "0.025", "0.03", "0.035", "0.04", "0.045",
            "0.05", "0.06", "0.07", "0.08", "0.1", "0.15", "0.25", "0.5", "1.0", "2.5", "5.0",
            "10.0", "+Inf");
    assertThat(text).contains("# TYPE http_request_duration_seconds histogram");
    assertThat(text)
        .contains(
            "http_request_duration_seconds_bucket{method=\"POST\",route=\"/v1/apply-delta\",le=\"+Inf\"}"
                + " 1");
    assertThat(HttpMetrics.BUCKETS).hasSize(40);
  }

  @Test
  void requestsAreCountedByMethodRouteTemplateAndCode() {
    service.postJson(HttpRulesIT.resource("small-request.json"));
    service.post(Routes.APPLY_DELTA, "text/plain", new byte[] {1});
    service.get(Routes.LIVE);
    service.get("/some/raw/path/4711");
    service.get("/another-secret-path");
    String text = scrape(null).body();
    assertThat(text)
        .contains("http_requests_total{code=\"200\",method=\"POST\",route=\"/v1/apply-delta\"} 1.0")
        .contains("http_requests_total{code=\"415\",method=\"POST\",route=\"/v1/apply-delta\"} 1.0")
        .contains("http_requests_total{code=\"200\",method=\"GET\",route=\"/healthz/live\"} 1.0")
        .contains("http_requests_total{code=\"404\",method=\"GET\",route=\"unmatched\"} 2.0")
        .contains("http_request_duration_seconds_count{method=\"GET\",route=\"unmatched\"} 2")
        .doesNotContain("4711")
        .doesNotContain("another-secret-path");
  }

  @Test
  void customMethodsShareOneLabelValue() {
    service.send(
        HttpRequest.newBuilder(service.uri("/x"))
            .method("FROBNICATE", HttpRequest.BodyPublishers.noBody()));
    assertThat(scrape(null).body())
        .contains("http_requests_total{code=\"404\",method=\"OTHER\",route=\"unmatched\"} 1.0")
        .doesNotContain("FROBNICATE");
  }

  @Test
  void jvmMetricsAreExposed() {
    assertThat(scrape(null).body())
        .contains("jvm_memory_used_bytes")
        .contains("jvm_threads_current")
        .contains("process_cpu_seconds_total");
  }

  @Test
  void textFormatIsTheDefaultAndOpenMetricsIsNegotiated() {
    HttpResponse<String> text = scrape(null);
    assertThat(text.headers().firstValue("Content-Type"))
        .hasValue("text/plain; version=0.0.4; charset=utf-8");
    assertThat(text.body()).contains("# TYPE http_requests_total counter").doesNotContain("# EOF");

    HttpResponse<String> plain = scrape("text/plain;version=0.0.4;q=0.5,*/*;q=0.1");
    assertThat(plain.headers().firstValue("Content-Type"))
        .hasValue("text/plain; version=0.0.4; charset=utf-8");

    // What Prometheus sends by default.
    HttpResponse<String> om =
        scrape(
            "application/openmetrics-text;version=1.0.0,"
                + "application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1");
    assertThat(om.headers().firstValue("Content-Type"))
        .hasValue("application/openmetrics-text; version=1.0.0; charset=utf-8");
    assertThat(om.body())
        .contains("# TYPE http_requests counter")
        .contains("# UNIT http_request_duration_seconds seconds")
        .contains("http_requests_total{code=\"500\",method=\"POST\",route=\"/v1/apply-delta\"} 0.0")
        .endsWith("# EOF\n");
  }
}
