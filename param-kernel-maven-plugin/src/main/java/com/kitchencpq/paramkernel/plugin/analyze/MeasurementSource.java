package com.kitchencpq.paramkernel.plugin.analyze;

import java.time.Instant;
import java.util.List;

/**
 * Takes one measurement of a metric: a metric provider's {@code Run}. The analysis uses {@link
 * PrometheusProvider}; the run-level tests feed the controller scripted outcomes through this
 * interface, as upstream's controller tests do with their provider.
 */
interface MeasurementSource {
  /**
   * Measures {@code metric} as of {@code at} (the instant the query is evaluated at). Failures are
   * an {@link Observation} with phase Error, never an exception.
   */
  Observation measure(MetricSpec metric, Instant at) throws InterruptedException;

  /**
   * What a provider reports: the value as shown (null for Error), the phase, the error text,
   * whether Prometheus gave no answer at all, and its warnings.
   */
  record Observation(
      String value, Phase phase, String message, boolean unreachable, List<String> warnings) {
    static Observation error(String message, boolean unreachable) {
      return new Observation(null, Phase.ERROR, message, unreachable, List.of());
    }
  }
}
