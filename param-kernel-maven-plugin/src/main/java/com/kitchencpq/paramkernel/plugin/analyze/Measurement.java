package com.kitchencpq.paramkernel.plugin.analyze;

import java.time.Instant;
import java.util.List;

/**
 * One measurement of a metric, as Argo records it in {@code status.metricResults[].measurements[]}.
 *
 * @param instant when the query was evaluated: the {@code time} of the Prometheus query (live: when
 *     it was sent; replay: the scheduled past instant)
 * @param finishedAt when the measurement finished (live: when the answer came; replay: {@code
 *     instant})
 * @param value the value as upstream renders it ({@code [0.0012]} for a vector, {@code 0.5} for a
 *     scalar, {@code NaN}, {@code +Inf}); null when the measurement is an Error, since Argo's
 *     provider sets no value then ({@code metricproviders/prometheus/prometheus.go}, {@code Run})
 * @param phase Successful, Failed, Inconclusive or Error
 * @param message the error text for an Error measurement, otherwise empty
 * @param unreachable true when the query got no answer from Prometheus at all (connection refused,
 *     timeout, DNS, TLS): an environment problem rather than a template problem
 * @param warnings warnings Prometheus returned with the answer
 */
public record Measurement(
    Instant instant,
    Instant finishedAt,
    String value,
    Phase phase,
    String message,
    boolean unreachable,
    List<String> warnings) {

  public Measurement {
    message = message == null ? "" : message;
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
  }

  /** A measurement that ended in Error. */
  static Measurement error(
      Instant instant, Instant finishedAt, String message, boolean unreachable) {
    return new Measurement(instant, finishedAt, null, Phase.ERROR, message, unreachable, List.of());
  }

  Measurement withMessage(String m) {
    return new Measurement(instant, finishedAt, value, phase, m, unreachable, warnings);
  }
}
