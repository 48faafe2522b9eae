package com.kitchencpq.paramkernel.plugin.analyze;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The status of one simulated AnalysisRun ({@code AnalysisRunStatus}): phase, message, start and
 * the per-metric results. Mutable and confined to the run that owns it.
 */
final class RunState {
  Phase phase = Phase.PENDING;
  String message = "";

  /** {@code status.startedAt}: set by the first assessment, as upstream's assessRunStatus does. */
  Instant startedAt;

  private final Map<String, MetricState> results = new LinkedHashMap<>();

  /** {@code GetResult}: the metric's result, or null before its first measurement. */
  MetricState result(String metric) {
    return results.get(metric);
  }

  /** {@code SetResult}. */
  void setResult(MetricState r) {
    results.put(r.name, r);
  }

  Collection<MetricState> results() {
    return results.values();
  }

  /** {@code MetricCompleted}. */
  boolean metricCompleted(String metric) {
    MetricState r = results.get(metric);
    return r != null && r.phase.completed();
  }

  /** {@code LastMeasurement}. */
  Measurement lastMeasurement(String metric) {
    MetricState r = results.get(metric);
    return r == null ? null : r.last();
  }
}
