package com.kitchencpq.paramkernel.plugin.validate.rules.plan;

import java.time.Duration;
import java.util.List;

/**
 * The numbers of the param-kernel rollout plan, stated once. The plan rules compare the validated
 * manifests with {@link #PARAM_KERNEL}; the histogram checks use its bucket bounds.
 *
 * @param rolloutName the Rollout the plan is about
 * @param namespace where it runs
 * @param replicas the plan's default replica count
 * @param clientService the Service clients call: every pod of the Rollout, not managed by Argo
 * @param canaryService Service for canary traffic
 * @param analysisTemplate the AnalysisTemplate both analysis steps run
 * @param steps the canary steps, in order
 * @param imageRepository the image, referenced by digest once rendered
 * @param errorRate the error-rate metric
 * @param latency the p95 latency metric
 * @param latencyVsStable the canary's p95 divided by the stable pods' p95 (no unit)
 * @param hashes the analysis args that carry the pod-template hashes and the label they select
 * @param failureLimit failureLimit of the health metrics
 * @param minimumCount the smallest effective count with which failureLimit can be exceeded
 * @param latencyBuckets the finite upper bounds of the service's latency histogram, ascending
 *     (equal to {@code HttpMetrics.BUCKETS} of param-kernel-service; a test checks it)
 */
public record RolloutPlan(
    String rolloutName,
    String namespace,
    long replicas,
    String clientService,
    String canaryService,
    String analysisTemplate,
    List<Step> steps,
    String imageRepository,
    HealthMetric errorRate,
    HealthMetric latency,
    HealthMetric latencyVsStable,
    HashArgs hashes,
    long failureLimit,
    long minimumCount,
    List<Double> latencyBuckets) {

  /** One canary step: setWeight (weight), pause (duration) or analysis. */
  public record Step(Kind kind, long weight, Duration pause) {
    public enum Kind {
      SET_WEIGHT,
      PAUSE,
      ANALYSIS
    }

    public static Step setWeight(long weight) {
      return new Step(Kind.SET_WEIGHT, weight, null);
    }

    public static Step pause(Duration d) {
      return new Step(Kind.PAUSE, 0, d);
    }

    public static Step analysis() {
      return new Step(Kind.ANALYSIS, 0, null);
    }

    /** The step as YAML people would write it. */
    public String describe() {
      return switch (kind) {
        case SET_WEIGHT -> "setWeight: " + weight;
        case PAUSE -> "pause: {duration: " + formatDuration(pause) + "}";
        case ANALYSIS -> "analysis";
      };
    }
  }

  /**
   * A health metric: how to recognise its query and the thresholds.
   *
   * @param what a short name for messages
   * @param series the series the query must read
   * @param window the range window of the query
   * @param successBelow successCondition is {@code result < successBelow}
   * @param failureAbove failureCondition is {@code result > failureAbove}
   */
  public record HealthMetric(
      String what, String series, String window, double successBelow, double failureAbove) {}

  /**
   * How the ratio metric tells canary from stable pods.
   *
   * @param latest the arg filled with {@code valueFrom.podTemplateHashValue: Latest} (canary)
   * @param stable the arg filled with {@code valueFrom.podTemplateHashValue: Stable}
   * @param label the series label that carries the pod-template hash
   * @param rateSeries the counter the minimum-rate guard reads
   * @param minimumRate requests per second each side must have served for the ratio to count
   */
  public record HashArgs(
      String latest, String stable, String label, String rateSeries, double minimumRate) {}

  public static final RolloutPlan PARAM_KERNEL =
      new RolloutPlan(
          "param-kernel-service",
          "kitchen-cpq",
          1,
          "param-kernel-service",
          "param-kernel-service-canary",
          "param-kernel-canary-health",
          List.of(
              Step.setWeight(20),
              Step.pause(Duration.ofMinutes(5)),
              Step.analysis(),
              Step.setWeight(50),
              Step.pause(Duration.ofMinutes(10)),
              Step.analysis(),
              Step.setWeight(100),
              Step.pause(Duration.ofMinutes(5))),
          "kitchen-cpq/param-kernel-service",
          new HealthMetric("error rate", "http_requests_total", "1m", 0.01, 0.03),
          new HealthMetric(
              "p95 latency", "http_request_duration_seconds_bucket", "1m", 0.030, 0.060),
          new HealthMetric(
              "p95 latency relative to stable",
              "http_request_duration_seconds_bucket",
              "1m",
              1.5,
              1.8),
          new HashArgs(
              "latest-hash",
              "stable-hash",
              "rollouts_pod_template_hash",
              "http_requests_total",
              1.0),
          1,
          2,
          List.of(
              0.0005, 0.001, 0.0015, 0.002, 0.0025, 0.003, 0.0035, 0.004, 0.0045, 0.005, 0.0055,
              0.006, 0.0065, 0.007, 0.0075, 0.008, 0.009, 0.01, 0.011, 0.0125, 0.015, 0.0175, 0.02,
              0.025, 0.03, 0.035, 0.04, 0.045, 0.05, 0.06, 0.07, 0.08, 0.1, 0.15, 0.25, 0.5, 1.0,
              2.5, 5.0, 10.0));

  /** The name of the ratio metric, used to find it when its query has lost its shape. */
  public static final String RATIO_METRIC = "latency-p95-vs-stable";

  /** The quantile of the latency metric. */
  public static final double LATENCY_QUANTILE = 0.95;

  public RolloutPlan {
    steps = List.copyOf(steps);
    latencyBuckets = List.copyOf(latencyBuckets);
  }

  /** The largest finite bucket bound: histogram_quantile never returns more. */
  public double largestBucket() {
    return latencyBuckets.get(latencyBuckets.size() - 1);
  }

  /** Whether {@code v} is one of the bucket bounds (compared as numbers). */
  public boolean isBucketBound(double v) {
    return latencyBuckets.stream()
        .anyMatch(b -> Math.abs(b - v) <= 1e-9 * Math.max(1, Math.abs(v)));
  }

  /** 5m, 10m, 90s, 1h30m. */
  public static String formatDuration(Duration d) {
    long s = d.getSeconds();
    StringBuilder sb = new StringBuilder();
    if (s >= 3600) {
      sb.append(s / 3600).append('h');
      s %= 3600;
    }
    if (s >= 60) {
      sb.append(s / 60).append('m');
      s %= 60;
    }
    if (s > 0 || sb.length() == 0) {
      sb.append(s).append('s');
    }
    return sb.toString();
  }
}
