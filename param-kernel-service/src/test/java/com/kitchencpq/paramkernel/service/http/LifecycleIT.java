package com.kitchencpq.paramkernel.service.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Readiness through warm-up and draining, warm-up traffic kept out of metrics, the 500 path. */
class LifecycleIT {

  @Test
  void readinessIs503UntilWarmedUpThen200ThenDrainingAgain503() {
    try (RunningService s = RunningService.started(RunningService.realKernel(), Map.of())) {
      HttpResponse<String> before = s.get(Routes.READY);
      assertThat(before.statusCode()).isEqualTo(503);
      assertThat(before.body()).isEqualTo("{\"status\":\"warming-up\"}");
      assertThat(s.get(Routes.LIVE).statusCode()).isEqualTo(200);

      WarmUp.Report report =
          new WarmUp(50, 200, Duration.ofMillis(50), 20, Duration.ofMillis(50))
              .run(
                  s.server,
                  RunningService.realKernel(),
                  HttpRulesIT.resource("small-request.json"),
                  HttpRulesIT.resource("small-request.json"));
      assertThat(report.kernelRuns()).isBetween(50, 250);
      assertThat(report.httpRequests()).isBetween(1, 20);
      assertThat(s.get(Routes.READY).statusCode()).isEqualTo(503);
      s.server.markReady();

      HttpResponse<String> after = s.get(Routes.READY);
      assertThat(after.statusCode()).isEqualTo(200);
      assertThat(after.body()).isEqualTo("{\"status\":\"ready\"}");

      // The warm-up requests are not in the metrics.
      String metrics = s.get(Routes.METRICS).body();
      assertThat(metrics).doesNotContain("code=\"200\",method=\"POST\",route=\"/v1/apply-delta\"");

      s.server.lifecycle().beginDraining();
      HttpResponse<String> draining = s.get(Routes.READY);
      assertThat(draining.statusCode()).isEqualTo(503);
      assertThat(draining.body()).isEqualTo("{\"status\":\"draining\"}");
      // Still serving, but asking clients not to keep the connection.
      HttpResponse<String> served = s.postJson(HttpRulesIT.resource("small-request.json"));
      assertThat(served.statusCode()).isEqualTo(200);
      assertThat(served.headers().firstValue("Connection")).hasValue("close");
      // markReady after draining began changes nothing.
      s.server.markReady();
      assertThat(s.get(Routes.READY).statusCode()).isEqualTo(503);
    }
  }

  @Test
  void warmUpFailsLoudlyWhenThePayloadIsRejected() {
    try (RunningService s = RunningService.started(RunningService.realKernel(), Map.of())) {
      WarmUp w = new WarmUp(1, 1, Duration.ZERO, 0, Duration.ZERO);
      byte[] rejected = "{}".getBytes(StandardCharsets.UTF_8);
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> w.run(s.server, RunningService.realKernel(), rejected, rejected))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("rejected by the kernel: 400");
    }
  }

  @Test
  void kernelBugBecomes500InternalAndIsLoggedWithoutTheBody() {
    // The only test that replaces the kernel: a kernel that fails unexpectedly, to show the
    // catch-all; a real kernel must never do this.
    KernelFunction broken =
        body -> {
          throw new IllegalStateException("simulated kernel bug");
        };
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    JsonLog.redirect(new PrintStream(log, true, StandardCharsets.UTF_8));
    try (RunningService s = RunningService.started(broken, Map.of())) {
      s.server.markReady();
      HttpResponse<String> r = s.postJson("{\"secret-body\":1}".getBytes(StandardCharsets.UTF_8));
      assertThat(r.statusCode()).isEqualTo(500);
      ErrorBody e = ErrorBody.parse(r.body());
      assertThat(e.code()).isEqualTo("internal");
      String requestId = r.headers().firstValue("X-Request-Id").orElseThrow();
      assertThat(e.message()).contains(requestId);

      String lines = log.toString(StandardCharsets.UTF_8);
      assertThat(lines)
          .contains("\"event\":\"request.internal-error\"")
          .contains("\"requestId\":\"" + requestId + "\"")
          .contains("simulated kernel bug")
          .doesNotContain("secret-body");
      assertThat(s.get(Routes.METRICS).body())
          .contains(
              "http_requests_total{code=\"500\",method=\"POST\",route=\"/v1/apply-delta\"} 1.0");
    } finally {
      JsonLog.redirect(System.out);
    }
  }
}
