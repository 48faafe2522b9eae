package com.kitchencpq.paramkernel.plugin.analyze;

import com.kitchencpq.paramkernel.service.metrics.HttpMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The scrapes a param-kernel-service pod would have left in Prometheus: its request counter ({@code
 * http_requests_total{method, route, code}}) and latency histogram ({@code
 * http_request_duration_seconds} with the service's bucket bounds), with the {@code service},
 * {@code namespace} and {@code pod} labels the bundle's ServiceMonitor gives them, scraped at a
 * fixed interval, written as OpenMetrics text with timestamps for {@code
 * LocalPrometheus.startWithHistory}. The traffic follows profiles (requests per second, the share
 * of 5xx answers, the latency mix), each from an instant on, so a replay can be pointed at a
 * healthy window, an incident, or the change between them, and the expected values are known
 * exactly.
 */
public final class CanaryHistory {
  /** The service's own bucket bounds (its sources are compiled with the plugin's tests). */
  static final double[] BUCKETS = HttpMetrics.BUCKETS;

  /**
   * Traffic from {@code from} on.
   *
   * @param latencies request latency in seconds to the share of requests that take it
   */
  public record Profile(
      Instant from, double requestsPerSecond, double errorRatio, Map<Double, Double> latencies) {}

  private final String service;
  private final String namespace;
  private final String pod;
  private final String hash;
  private final List<Profile> profiles;

  private CanaryHistory(
      String service, String namespace, String pod, String hash, List<Profile> profiles) {
    this.service = service;
    this.namespace = namespace;
    this.pod = pod;
    this.hash = hash;
    this.profiles = profiles;
  }

  /** A pod behind {@code service} in {@code namespace}. */
  public static CanaryHistory of(String service, String namespace, String pod) {
    return new CanaryHistory(service, namespace, pod, null, new ArrayList<>());
  }

  /** The pod with its {@code rollouts_pod_template_hash} label (the ServiceMonitor copies it). */
  public CanaryHistory hash(String podTemplateHash) {
    return new CanaryHistory(service, namespace, pod, podTemplateHash, profiles);
  }

  /**
   * The same pod's scrapes as found through another Service (the ServiceMonitor scrapes a pod once
   * per Service that selects it): same counts, another {@code service} label. Shares the profiles,
   * so add them before or after, once.
   */
  public CanaryHistory through(String otherService) {
    return new CanaryHistory(otherService, namespace, pod, hash, profiles);
  }

  /** Healthy: 90% of requests in 8 ms, 10% in 18 ms (p95 18.75 ms), no errors. */
  public static Map<Double, Double> fast() {
    return mix(0.008, 0.9, 0.018, 0.1);
  }

  /** Slow: 85% in 8 ms, 15% in 90 ms (p95 about 93 ms, above the 60 ms failure threshold). */
  public static Map<Double, Double> slow() {
    return mix(0.008, 0.85, 0.09, 0.15);
  }

  /** A latency mix: latency, share, latency, share, ... */
  public static Map<Double, Double> mix(double... latencyShare) {
    Map<Double, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < latencyShare.length; i += 2) {
      m.put(latencyShare[i], latencyShare[i + 1]);
    }
    return m;
  }

  /** Adds a profile that holds from {@code from} until the next one. */
  public CanaryHistory from(
      Instant from, double requestsPerSecond, double errorRatio, Map<Double, Double> latencies) {
    profiles.add(new Profile(from, requestsPerSecond, errorRatio, latencies));
    return this;
  }

  /** The scrapes from the first profile's start until {@code until}, every {@code interval}. */
  public String openMetrics(Instant until, Duration interval) {
    return openMetrics(List.of(this), until, interval);
  }

  /**
   * The scrapes of several pods in one text (OpenMetrics does not allow a metric family's samples
   * to be split, so the pods' counters come first, then their histograms).
   */
  public static String openMetrics(List<CanaryHistory> pods, Instant until, Duration interval) {
    StringBuilder counters = new StringBuilder("# TYPE http_requests counter\n");
    StringBuilder histograms =
        new StringBuilder("# TYPE http_request_duration_seconds histogram\n");
    for (CanaryHistory pod : pods) {
      pod.write(until, interval, counters, histograms);
    }
    return counters.append(histograms).append("# EOF\n").toString();
  }

  private void write(
      Instant until, Duration interval, StringBuilder counters, StringBuilder histograms) {
    List<Instant> scrapes = new ArrayList<>();
    for (Instant t = profiles.get(0).from(); !t.isAfter(until); t = t.plus(interval)) {
      scrapes.add(t);
    }
    // cumulative counts at each scrape
    int n = scrapes.size();
    double[] ok = new double[n];
    double[] errors = new double[n];
    double[][] buckets = new double[n][BUCKETS.length];
    double[] sum = new double[n];
    for (int i = 1; i < n; i++) {
      Profile p = profileAt(scrapes.get(i - 1));
      double seconds = Duration.between(scrapes.get(i - 1), scrapes.get(i)).toMillis() / 1000.0;
      double total = p.requestsPerSecond() * seconds;
      ok[i] = ok[i - 1] + total * (1 - p.errorRatio());
      errors[i] = errors[i - 1] + total * p.errorRatio();
      sum[i] = sum[i - 1];
      System.arraycopy(buckets[i - 1], 0, buckets[i], 0, BUCKETS.length);
      for (Map.Entry<Double, Double> e : p.latencies().entrySet()) {
        double count = total * e.getValue();
        sum[i] += count * e.getKey();
        for (int b = 0; b < BUCKETS.length; b++) {
          if (e.getKey() <= BUCKETS[b]) {
            buckets[i][b] += count;
          }
        }
      }
    }
    String labels =
        "job=\"param-kernel\",service=\""
            + service
            + "\",namespace=\""
            + namespace
            + "\",pod=\""
            + pod
            + "\""
            + (hash == null ? "" : ",rollouts_pod_template_hash=\"" + hash + "\"")
            + ",method=\"POST\",route=\"/v1/apply-delta\"";
    for (String code : new String[] {"200", "500"}) {
      for (int i = 0; i < n; i++) {
        counters
            .append("http_requests_total{")
            .append(labels)
            .append(",code=\"")
            .append(code)
            .append("\"} ")
            .append(number(code.equals("200") ? ok[i] : errors[i]))
            .append(' ')
            .append(seconds(scrapes.get(i)))
            .append('\n');
      }
    }
    for (int i = 0; i < n; i++) {
      String t = seconds(scrapes.get(i));
      for (int b = 0; b < BUCKETS.length; b++) {
        histograms
            .append("http_request_duration_seconds_bucket{")
            .append(labels)
            .append(",le=\"")
            .append(number(BUCKETS[b]))
            .append("\"} ")
            .append(number(buckets[i][b]))
            .append(' ')
            .append(t)
            .append('\n');
      }
      double count = ok[i] + errors[i];
      histograms
          .append("http_request_duration_seconds_bucket{")
          .append(labels)
          .append(",le=\"+Inf\"} ")
          .append(number(count))
          .append(' ')
          .append(t)
          .append('\n');
      histograms
          .append("http_request_duration_seconds_count{")
          .append(labels)
          .append("} ")
          .append(number(count))
          .append(' ')
          .append(t)
          .append('\n');
      histograms
          .append("http_request_duration_seconds_sum{")
          .append(labels)
          .append("} ")
          .append(number(sum[i]))
          .append(' ')
          .append(t)
          .append('\n');
    }
  }

  private Profile profileAt(Instant t) {
    Profile current = profiles.get(0);
    for (Profile p : profiles) {
      if (!p.from().isAfter(t)) {
        current = p;
      }
    }
    return current;
  }

  private static String number(double v) {
    return GoText.formatFloat(v);
  }

  private static String seconds(Instant t) {
    return String.format(Locale.ROOT, "%d.%03d", t.getEpochSecond(), t.getNano() / 1_000_000);
  }
}
