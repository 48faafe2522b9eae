package com.kitchencpq.paramkernel.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The test kit's Prometheus really scrapes a target and answers PromQL over it. */
class LocalPrometheusIT {

  @Test
  void scrapesATargetAndAnswersAQueryWithKubernetesStyleLabels() throws Exception {
    AtomicLong requests = new AtomicLong();
    HttpServer target = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    target.createContext(
        "/metrics",
        ex -> {
          long n = requests.addAndGet(7);
          byte[] body =
              ("# TYPE http_requests_total counter\n"
                      + "http_requests_total{code=\"200\"} "
                      + n
                      + "\n"
                      + "http_requests_total{code=\"500\"} 0\n")
                  .getBytes(StandardCharsets.UTF_8);
          ex.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4");
          ex.sendResponseHeaders(200, body.length);
          try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
          }
        });
    target.start();
    Path workDir;
    String hostPort = "127.0.0.1:" + target.getAddress().getPort();
    try (LocalPrometheus prom =
        LocalPrometheus.start(
            List.of(
                new LocalPrometheus.Target(hostPort, "param-kernel-service", "kitchen-cpq", "pk-0"),
                new LocalPrometheus.Target(
                    hostPort,
                    "param-kernel-service-canary",
                    "kitchen-cpq",
                    "pk-0",
                    "5d8f9c7b6")))) {
      workDir = prom.directory();
      prom.awaitTargetsUp(2, Duration.ofSeconds(30));

      // the canary target carries the pod-template hash the ServiceMonitor relabels, the other none
      assertThat(
              prom.query(
                  "count(up{rollouts_pod_template_hash=\"5d8f9c7b6\",service=\"param-kernel-service-canary\"})"))
          .contains("\"value\":[");
      assertThat(
              prom.query(
                  "up{rollouts_pod_template_hash=\"5d8f9c7b6\",service=\"param-kernel-service\"}"))
          .contains("\"result\":[]");

      String answer =
          prom.query(
              "sum(http_requests_total{service=\"param-kernel-service\",namespace=\"kitchen-cpq\",code=\"200\"})");
      assertThat(answer).contains("\"status\":\"success\"").contains("\"resultType\":\"vector\"");
      assertThat(answer).doesNotContain("\"result\":[]");

      String wrongNamespace = prom.query("http_requests_total{namespace=\"default\"}");
      assertThat(wrongNamespace).contains("\"result\":[]");
    } finally {
      target.stop(0);
    }
    assertThat(workDir).as("configuration and storage removed on close").doesNotExist();
  }
}
