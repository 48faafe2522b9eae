package com.kitchencpq.paramkernel.service.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.kitchencpq.paramkernel.service.kernel.BaselinePayload;
import com.kitchencpq.paramkernel.testkit.LocalPrometheus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The health queries of the rollout bundle (src/main/rollout/rollout.yaml, read as shipped) against
 * a real service scraped by a real Prometheus (the test kit's, Debian's package), with the {@code
 * service} and {@code namespace} labels the ServiceMonitor gives the canary's series.
 *
 * <ul>
 *   <li>A canary that gets only probes and scrapes (what a canary without client traffic gets): the
 *       shipped queries give NaN, which the conditions turn into Inconclusive. The same queries
 *       without the route filter (the bundle before this was fixed) give a number that passes:
 *       error ratio 0 and a p95 in the lowest buckets.
 *   <li>A canary with API traffic, slowed down and partly failing through a test-only kernel
 *       wrapper, next to many fast, successful probes: the shipped queries give the API's error
 *       ratio and p95, not figures diluted by the probes.
 * </ul>
 */
class CanaryQueriesIT {
  private static final String CANARY = "param-kernel-service-canary";
  private static final String NAMESPACE = "kitchen-cpq";
  private static final Pattern SAMPLE = Pattern.compile("\"value\":\\[[0-9.e+]+,\"([^\"]+)\"\\]");

  private static String errorRate;
  private static String latencyP95;

  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void shippedQueries() throws Exception {
    String bundle =
        Files.readString(Path.of("src/main/rollout/rollout.yaml"), StandardCharsets.UTF_8);
    for (Object doc : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(bundle)) {
      Map<String, Object> d = (Map<String, Object>) doc;
      if (!"param-kernel-canary-health"
          .equals(((Map<String, Object>) d.get("metadata")).get("name"))) {
        continue;
      }
      for (Object m : (List<Object>) ((Map<String, Object>) d.get("spec")).get("metrics")) {
        Map<String, Object> metric = (Map<String, Object>) m;
        String query =
            (String)
                ((Map<String, Object>)
                        ((Map<String, Object>) metric.get("provider")).get("prometheus"))
                    .get("query");
        // What Argo does with the analysis step's arguments before it sends the query.
        query =
            query
                .replace("{{args.service-name}}", CANARY)
                .replace("{{args.namespace}}", NAMESPACE)
                .strip();
        if ("error-rate".equals(metric.get("name"))) {
          errorRate = query;
        } else if ("latency-p95".equals(metric.get("name"))) {
          latencyP95 = query;
        }
      }
    }
    assertThat(errorRate).contains("route=\"/v1/apply-delta\"");
    assertThat(latencyP95).contains("route=\"/v1/apply-delta\"");
  }

  /** The query as the bundle had it before the route filter. */
  private static String withoutRouteFilter(String query) {
    return query.replace(",route=\"/v1/apply-delta\"", "");
  }

  @Test
  void probesAndScrapesAloneGiveNoNumberOnlyTheOldQueriesPassedThem() throws Exception {
    try (ServiceProcess service = ServiceProcess.start(Map.of("HOST", "127.0.0.1", "PORT", "0"))) {
      int port = service.port();
      service.awaitReady(port, Duration.ofSeconds(60));
      try (LocalPrometheus prom =
          LocalPrometheus.start(
              List.of(
                  new LocalPrometheus.Target(
                      "127.0.0.1:" + port, CANARY, NAMESPACE, "canary-0")))) {
        prom.awaitTargetsUp(1, Duration.ofSeconds(30));
        // Readiness every half second, liveness every second, for 20 s; Prometheus scrapes every
        // second.
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        for (int i = 0; System.nanoTime() < end; i++) {
          get(port, Routes.READY);
          if (i % 2 == 0) {
            get(port, Routes.LIVE);
          }
          Thread.sleep(500);
        }
        Thread.sleep(2000); // one more scrape
        assertThat(value(prom, errorRate))
            .as("shipped error-rate query")
            .hasValueSatisfying(v -> assertThat(v).isNaN());
        assertThat(value(prom, latencyP95))
            .as("shipped latency query")
            .hasValueSatisfying(v -> assertThat(v).isNaN());
        // The defect the route filter fixes: the same queries over every route see the probes
        // and scrapes as a flawless, fast service, which the conditions would call Successful.
        assertThat(value(prom, withoutRouteFilter(errorRate))).hasValue(0.0);
        assertThat(value(prom, withoutRouteFilter(latencyP95)))
            .hasValueSatisfying(v -> assertThat(v).isLessThan(0.030));
      }
    }
  }

  @Test
  void withApiTrafficTheQueriesGiveTheApisErrorRatioAndLatencyNotTheProbes() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    // Test-only wrapper: every API request 40 ms slower, every tenth one a 500.
    KernelFunction real = RunningService.realKernel();
    KernelFunction slowAndFailing =
        body -> {
          int n = calls.incrementAndGet();
          sleep(40);
          if (n % 10 == 0) {
            throw new IllegalStateException("injected failure (test)");
          }
          return real.apply(body);
        };
    try (RunningService service = RunningService.started(slowAndFailing, Map.of())) {
      service.server.markReady();
      int port = service.port();
      try (LocalPrometheus prom =
          LocalPrometheus.start(
              List.of(
                  new LocalPrometheus.Target(
                      "127.0.0.1:" + port, CANARY, NAMESPACE, "canary-0")))) {
        prom.awaitTargetsUp(1, Duration.ofSeconds(30));
        byte[] body = BaselinePayload.request();
        int ok = 0;
        int failed = 0;
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < end) {
          int status = post(port, body);
          if (status == 200) {
            ok++;
          } else if (status == 500) {
            failed++;
          }
          // 24 probes per API request, all fast 200s: the API is 4% of all requests, so a p95
          // over every route would be a probe's latency.
          for (int i = 0; i < 12; i++) {
            get(port, Routes.READY);
            get(port, Routes.LIVE);
          }
          Thread.sleep(50);
        }
        Thread.sleep(2000);
        double sentRatio = (double) failed / (ok + failed);
        assertThat(sentRatio).isBetween(0.09, 0.11);
        // rate() over the same window on both sides of the division: the ratio is the sent one.
        assertThat(value(prom, errorRate))
            .hasValueSatisfying(
                v -> assertThat(v).isCloseTo(sentRatio, org.assertj.core.data.Offset.offset(0.01)));
        // Every API request takes 40 ms or more: the p95 estimate lies in the 40-45 ms bucket
        // or above, never near the probes' sub-millisecond answers.
        assertThat(value(prom, latencyP95))
            .hasValueSatisfying(v -> assertThat(v).isBetween(0.040, 0.060));
        // The old queries diluted both with the probes.
        assertThat(value(prom, withoutRouteFilter(errorRate)))
            .hasValueSatisfying(v -> assertThat(v).isLessThan(0.03));
        assertThat(value(prom, withoutRouteFilter(latencyP95)))
            .hasValueSatisfying(v -> assertThat(v).isLessThan(0.040));
      }
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void get(int port, String path) throws Exception {
    client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(5))
            .build(),
        HttpResponse.BodyHandlers.discarding());
  }

  private int post(int port, byte[] body) throws Exception {
    return client
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + Routes.APPLY_DELTA))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(5))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  /** The single sample of an instant query: empty for an empty vector, NaN kept. */
  private static Optional<Double> value(LocalPrometheus prom, String query) {
    String json = prom.query(query);
    Matcher m = SAMPLE.matcher(json);
    if (!m.find()) {
      assertThat(json).contains("\"result\":[]");
      return Optional.empty();
    }
    double v = Double.parseDouble(m.group(1));
    assertThat(m.find()).as("one sample only: %s", json).isFalse();
    return Optional.of(v);
  }
}
