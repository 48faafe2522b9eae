package com.kitchencpq.paramkernel.plugin.analyze;

import java.time.Instant;
import java.util.List;

/**
 * Builds {@link MetricSpec}s, results and measurements for the run-level tests, the way upstream's
 * {@code analysis/analysis_test.go} writes {@code v1alpha1.Metric} and {@code MetricResult}
 * literals.
 */
final class Metrics {
  private Metrics() {}

  static Builder metric(String name) {
    return new Builder(name);
  }

  static final class Builder {
    private final String name;
    private String interval = "";
    private String initialDelay = "";
    private IntOrString count;
    private IntOrString failureLimit;
    private IntOrString inconclusiveLimit;
    private IntOrString consecutiveErrorLimit;
    private IntOrString consecutiveSuccessLimit;

    Builder(String name) {
      this.name = name;
    }

    Builder interval(String v) {
      interval = v;
      return this;
    }

    Builder initialDelay(String v) {
      initialDelay = v;
      return this;
    }

    Builder count(long v) {
      count = IntOrString.of(v);
      return this;
    }

    Builder failureLimit(long v) {
      failureLimit = IntOrString.of(v);
      return this;
    }

    Builder inconclusiveLimit(long v) {
      inconclusiveLimit = IntOrString.of(v);
      return this;
    }

    Builder consecutiveErrorLimit(long v) {
      consecutiveErrorLimit = IntOrString.of(v);
      return this;
    }

    Builder consecutiveSuccessLimit(long v) {
      consecutiveSuccessLimit = IntOrString.of(v);
      return this;
    }

    MetricSpec build() {
      return new MetricSpec(
          name,
          "AnalysisTemplate 'test'",
          interval,
          initialDelay,
          count,
          failureLimit,
          inconclusiveLimit,
          consecutiveErrorLimit,
          consecutiveSuccessLimit,
          "",
          "",
          List.of("job"),
          null);
    }
  }

  /** A finished measurement. */
  static Measurement measurement(Phase phase, Instant at) {
    return new Measurement(at, at, phase == Phase.ERROR ? null : "99", phase, "", false, List.of());
  }

  /** An in-flight measurement (started, not finished). */
  static Measurement inFlight(Instant at) {
    return new Measurement(at, null, null, Phase.RUNNING, "", false, List.of());
  }

  static MetricState result(String name, Phase phase, Measurement... ms) {
    MetricState r = new MetricState(name, phase);
    r.measurements.addAll(List.of(ms));
    return r;
  }
}
