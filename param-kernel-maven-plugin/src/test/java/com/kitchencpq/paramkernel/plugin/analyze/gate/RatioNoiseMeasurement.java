package com.kitchencpq.paramkernel.plugin.analyze.gate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A recorded measurement, not a test (neither surefire's nor failsafe's name patterns match it):
 * how much does the canary-to-stable p95 ratio of two identical pods wander at a given request
 * rate? It backs the ratio metric's minimum rate (docs/gate-efficacy.md gives the command and the
 * figures). Every scenario is healthy on both sides (the suite's 3 ms service time); the ratio
 * query is the shipped one without its rate guard, sampled every scrape interval.
 */
class RatioNoiseMeasurement {
  private static final Pattern SAMPLE = Pattern.compile("\"value\":\\[[0-9.e+]+,\"([^\"]+)\"\\]");

  private static String p95(String ns, String hash) {
    return "histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{"
        + "service=\"param-kernel-service\",namespace=\""
        + ns
        + "\",route=\"/v1/apply-delta\","
        + "rollouts_pod_template_hash=\""
        + hash
        + "\"}[1m])))";
  }

  @Test
  void measure() throws Exception {
    double[] totalRates = {0.5, 1, 2, 4, 10, 20};
    List<Scenario> scenarios = new ArrayList<>();
    for (double r : totalRates) {
      scenarios.add(
          Scenario.of(
                  "rate-" + String.valueOf(r).replace('.', '-'),
                  r / 2 + " req/s per pod",
                  GateEfficacyIT.BASE,
                  r)
              .withStable(GateEfficacyIT.BASE));
    }
    Duration settle = Duration.ofSeconds(90);
    Duration total = Duration.ofMinutes(Long.getLong("minutes", 8));
    Map<String, List<Double>> ratios = new LinkedHashMap<>();
    try (GateLab lab = GateLab.start(scenarios)) {
      Thread.sleep(settle.toMillis());
      while (lab.elapsed().compareTo(total) < 0) {
        for (Scenario s : scenarios) {
          String ns = s.namespace();
          String v =
              value(lab, p95(ns, GateLab.CANARY_HASH) + " / " + p95(ns, GateLab.STABLE_HASH));
          if (v != null) {
            ratios.computeIfAbsent(s.what(), k -> new ArrayList<>()).add(Double.parseDouble(v));
          }
        }
        Thread.sleep(GateLab.SCRAPE_INTERVAL.toMillis());
      }
    }
    System.out.println(
        "| rate per pod | samples | min | median | max | outside 1/1.5 to 1.5 | over 1.8 |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|");
    ratios.forEach(
        (what, values) -> {
          List<Double> sorted = values.stream().filter(d -> !d.isNaN()).sorted().toList();
          long outside = sorted.stream().filter(d -> d >= 1.5 || d <= 1 / 1.5).count();
          long over = sorted.stream().filter(d -> d > 1.8).count();
          System.out.printf(
              "| %s | %d | %.2f | %.2f | %.2f | %d | %d |%n",
              what,
              sorted.size(),
              sorted.isEmpty() ? Double.NaN : sorted.get(0),
              sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() / 2),
              sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() - 1),
              outside,
              over);
        });
  }

  private static String value(GateLab lab, String query) {
    Matcher m = SAMPLE.matcher(lab.prometheus().query(query));
    return m.find() ? m.group(1) : null;
  }
}
