package com.kitchencpq.paramkernel.plugin.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.kitchencpq.paramkernel.testkit.TestBinaries;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Runs the shipped template's two PromQL queries through Prometheus's own evaluator ({@code
 * promtool test rules}, Debian package {@code prometheus}) on synthetic series, and checks which
 * side of the plan's thresholds each scenario lands on: healthy canary below the success threshold,
 * regressions above the failure threshold, no data as an empty vector or NaN (which the guarded
 * conditions turn into Inconclusive), and neither the stable Service's series nor the probe and
 * scrape routes ever mixed in. (ProbeTrafficIT in the service module runs the same queries against
 * a real service scraped by a real Prometheus.)
 */
class ShippedQueriesIT {
  private static final String CANARY = "param-kernel-service-canary";
  private static final String STABLE = "param-kernel-service";
  private static final String NS = "kitchen-cpq";
  private static final String API = "/v1/apply-delta";

  /**
   * The service's histogram bounds, as its /metrics writes them ("0.005", "1", "10"), +Inf last.
   */
  private static final String[] LE =
      java.util.stream.Stream.concat(
              java.util.Arrays.stream(
                      com.kitchencpq.paramkernel.service.metrics.HttpMetrics.BUCKETS)
                  .mapToObj(
                      b -> java.math.BigDecimal.valueOf(b).stripTrailingZeros().toPlainString()),
              java.util.stream.Stream.of("+Inf"))
          .toArray(String[]::new);

  /** Samples every 15 s (the ServiceMonitor's interval), 20 steps = 5 minutes of data. */
  private static final int REQUESTS_PER_STEP = 300;

  private static String errorRate;
  private static String latencyP95;

  @TempDir Path dir;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void queries() throws Exception {
    RenderedRollout rendered =
        new TemplateRenderer()
            .render(Template.embeddedDefault(), TemplateRendererTest.DIGEST, List.of());
    for (Object doc : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(rendered.text())) {
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
        // What Argo does with the Rollout's analysis args before it sends the query.
        query =
            query
                .replace("{{args.service-name}}", CANARY)
                .replace("{{args.namespace}}", NS)
                .strip();
        if (metric.get("name").equals("error-rate")) {
          errorRate = query;
        } else if (metric.get("name").equals("latency-p95")) {
          latencyP95 = query;
        }
      }
    }
    assertThat(errorRate).isNotNull();
    assertThat(latencyP95).isNotNull();
  }

  // ---- series ---------------------------------------------------------------------------

  private static Map<String, Object> series(
      String name, String service, String labels, String values) {
    return series(name, service, API, labels, values);
  }

  private static Map<String, Object> series(
      String name, String service, String route, String labels, String values) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put(
        "series",
        name
            + "{service=\""
            + service
            + "\",namespace=\""
            + NS
            + "\",route=\""
            + route
            + "\""
            + labels
            + "}");
    s.put("values", values);
    return s;
  }

  private static String growing(int perStep) {
    return "0+" + perStep + "x20";
  }

  /** Request counters: {@code errors} of every REQUESTS_PER_STEP answers are 500s. */
  private static List<Map<String, Object>> requests(String service, int errors, boolean export500) {
    List<Map<String, Object>> list = new ArrayList<>();
    list.add(
        series(
            "http_requests_total", service, ",code=\"200\"", growing(REQUESTS_PER_STEP - errors)));
    if (export500) {
      list.add(series("http_requests_total", service, ",code=\"500\"", growing(errors)));
    }
    return list;
  }

  /**
   * Histogram buckets: {@code perBucket[i]} requests per step land in bucket LE[i]
   * (non-cumulative).
   */
  private static List<Map<String, Object>> latencies(
      String service, Map<String, Integer> perBucket) {
    return latencies(service, API, perBucket);
  }

  private static List<Map<String, Object>> latencies(
      String service, String route, Map<String, Integer> perBucket) {
    List<Map<String, Object>> list = new ArrayList<>();
    int cumulative = 0;
    for (String le : LE) {
      cumulative += perBucket.getOrDefault(le, 0);
      list.add(
          series(
              "http_request_duration_seconds_bucket",
              service,
              route,
              ",le=\"" + le + "\"",
              growing(cumulative)));
    }
    return list;
  }

  /**
   * What probes and scrapes leave in the canary's metrics: readiness and liveness probes and the
   * scrape itself, all fast 200s (and 503s from readiness while warming up), plus the API route's
   * series that the service creates at zero on start and that never move.
   */
  private static List<Map<String, Object>> probesAndScrapesOnly(String service) {
    List<Map<String, Object>> list = new ArrayList<>();
    list.add(series("http_requests_total", service, "/healthz/ready", ",code=\"200\"", growing(8)));
    list.add(series("http_requests_total", service, "/healthz/ready", ",code=\"503\"", growing(1)));
    list.add(series("http_requests_total", service, "/healthz/live", ",code=\"200\"", growing(2)));
    list.add(series("http_requests_total", service, "/metrics", ",code=\"200\"", growing(1)));
    list.add(series("http_requests_total", service, API, ",code=\"500\"", "0+0x20"));
    list.addAll(latencies(service, "/healthz/ready", Map.of("0.005", 9)));
    list.addAll(latencies(service, "/healthz/live", Map.of("0.005", 2)));
    list.addAll(latencies(service, "/metrics", Map.of("0.005", 1)));
    list.addAll(latencies(service, API, Map.of()));
    return list;
  }

  // ---- expectations ---------------------------------------------------------------------

  private static Map<String, Object> expect(String expr, Double value) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("expr", expr);
    t.put("eval_time", "4m");
    List<Map<String, Object>> samples = new ArrayList<>();
    if (value != null) {
      Map<String, Object> sample = new LinkedHashMap<>();
      sample.put("labels", "{}");
      sample.put("value", value);
      samples.add(sample);
    }
    t.put("exp_samples", samples);
    return t;
  }

  /** The value is below {@code threshold}: the success side. */
  private static Map<String, Object> below(String query, String threshold) {
    return expect("(" + query + ") < bool " + threshold, 1.0);
  }

  /** The value is above {@code threshold}: the failure side. */
  private static Map<String, Object> above(String query, String threshold) {
    return expect("(" + query + ") > bool " + threshold, 1.0);
  }

  private static Map<String, Object> notBelow(String query, String threshold) {
    return expect("(" + query + ") < bool " + threshold, 0.0);
  }

  private static Map<String, Object> notAbove(String query, String threshold) {
    return expect("(" + query + ") > bool " + threshold, 0.0);
  }

  /** NaN is the only value not equal to itself. */
  private static Map<String, Object> nan(String query) {
    return expect("(" + query + ") != bool (" + query + ")", 1.0);
  }

  private static Map<String, Object> empty(String query) {
    return expect(query, null);
  }

  @SafeVarargs
  private static Map<String, Object> scenario(
      List<Map<String, Object>> input, Map<String, Object>... checks) {
    Map<String, Object> test = new LinkedHashMap<>();
    test.put("interval", "15s");
    test.put("input_series", input);
    List<Map<String, Object>> tests = new ArrayList<>();
    for (Map<String, Object> check : checks) {
      tests.add(check);
    }
    test.put("promql_expr_test", tests);
    return test;
  }

  @SafeVarargs
  private static List<Map<String, Object>> all(List<Map<String, Object>>... parts) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (List<Map<String, Object>> p : parts) {
      out.addAll(p);
    }
    return out;
  }

  private static final class Run {
    final int exitCode;
    final String output;

    Run(int exitCode, String output) {
      this.exitCode = exitCode;
      this.output = output;
    }
  }

  private Run promtool(List<Map<String, Object>> scenarios)
      throws IOException, InterruptedException {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setWidth(1000);
    Path tests = dir.resolve("canary-health.test.yml");
    Files.writeString(
        tests, new Yaml(options).dump(Map.of("tests", scenarios)), StandardCharsets.UTF_8);
    Path out = dir.resolve("promtool.out");
    Process p =
        new ProcessBuilder(
                TestBinaries.require("promtool", "prometheus").toString(),
                "test",
                "rules",
                tests.getFileName().toString())
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(out.toFile())
            .start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("promtool test rules did not finish within 60 s");
    }
    return new Run(p.exitValue(), Files.readString(out));
  }

  private void assertPasses(List<Map<String, Object>> scenarios) throws Exception {
    Run run = promtool(scenarios);
    assertThat(run.exitCode)
        .as(
            "promtool test rules:\n%s\n--- test file:\n%s",
            run.output, Files.readString(dir.resolve("canary-health.test.yml")))
        .isZero();
    assertThat(run.output).contains("SUCCESS");
  }

  // ---- tests ----------------------------------------------------------------------------

  @Test
  void errorRateSeparatesHealthyFromFailingCanariesAndIgnoresTheStableService() throws Exception {
    assertPasses(
        List.of(
            // healthy canary next to a stable Service that is all errors: only the canary counts
            scenario(
                all(requests(CANARY, 0, true), requests(STABLE, 300, true)),
                below(errorRate, "0.01"),
                notAbove(errorRate, "0.03"),
                expect(errorRate, 0.0)),
            // no code="500" series at all yet: `or vector(0)` still gives 0, not an empty result
            scenario(requests(CANARY, 0, false), expect(errorRate, 0.0)),
            // 5% errors: above the failure threshold
            scenario(
                requests(CANARY, 15, true), above(errorRate, "0.03"), notBelow(errorRate, "0.01")),
            // 2% errors: neither side, Inconclusive
            scenario(
                requests(CANARY, 6, true),
                notBelow(errorRate, "0.01"),
                notAbove(errorRate, "0.03"))));
  }

  @Test
  void errorRateWithoutDataIsNaNOrEmptyNeverANumber() throws Exception {
    assertPasses(
        List.of(
            // counters exist but did not move in the window: 0/0
            scenario(
                List.of(
                    series("http_requests_total", CANARY, ",code=\"200\"", "0+0x20"),
                    series("http_requests_total", CANARY, ",code=\"500\"", "0+0x20")),
                nan(errorRate)),
            // only the stable Service has series: nothing for the canary
            scenario(requests(STABLE, 0, true), empty(errorRate))));
  }

  @Test
  void latencyP95SeparatesFastFromSlowCanariesAndIgnoresTheStableService() throws Exception {
    assertPasses(
        List.of(
            // fast canary (10-15 ms) next to a slow stable Service
            scenario(
                all(latencies(CANARY, Map.of("0.015", 300)), latencies(STABLE, Map.of("0.5", 300))),
                below(latencyP95, "0.030"),
                notAbove(latencyP95, "0.060")),
            // 10% of requests at 60-70 ms: p95 = 65 ms, above the failure threshold
            scenario(
                latencies(CANARY, Map.of("0.015", 270, "0.07", 30)),
                above(latencyP95, "0.060"),
                expect(latencyP95, 0.065)),
            // exactly 95% at or below 30 ms: p95 is exactly 0.03, which is not a success
            // (Inconclusive)
            scenario(
                latencies(CANARY, Map.of("0.03", 285, "0.06", 15)),
                expect(latencyP95, 0.03),
                notBelow(latencyP95, "0.030"),
                notAbove(latencyP95, "0.060")),
            // far too slow: the estimate stays above the threshold (finite buckets go up to 10 s)
            scenario(latencies(CANARY, Map.of("0.25", 300)), above(latencyP95, "0.060"))));
  }

  @Test
  void probesAndScrapesAloneAreNoDataNotAHealthyCanary() throws Exception {
    // Readiness 503s are not 5xx of the API, and fast probe answers are not its latency.
    assertPasses(List.of(scenario(probesAndScrapesOnly(CANARY), nan(errorRate), nan(latencyP95))));
  }

  @Test
  void probeAndScrapeRoutesDoNotDiluteTheApisFigures() throws Exception {
    // 5% API errors and a slow API (10% at 60-70 ms) next to plenty of fast, successful probes.
    List<Map<String, Object>> input =
        all(
            probesAndScrapesOnly(CANARY).stream()
                .filter(m -> !((String) m.get("series")).contains("route=\"" + API + "\""))
                .toList(),
            requests(CANARY, 15, true),
            latencies(CANARY, Map.of("0.015", 270, "0.07", 30)));
    assertPasses(
        List.of(
            scenario(
                input,
                above(errorRate, "0.03"),
                expect(errorRate, 0.05),
                expect(latencyP95, 0.065))));
  }

  @Test
  void latencyWithoutDataIsNaNOrEmpty() throws Exception {
    assertPasses(
        List.of(
            scenario(latencies(CANARY, Map.of()), nan(latencyP95)),
            scenario(latencies(STABLE, Map.of("0.015", 300)), empty(latencyP95))));
  }

  @Test
  void aWrongExpectationFailsSoTheChecksAboveAreReal() throws Exception {
    Run run = promtool(List.of(scenario(requests(CANARY, 15, true), below(errorRate, "0.01"))));
    assertThat(run.exitCode).isNotZero();
    assertThat(run.output).contains("FAILED");
  }
}
