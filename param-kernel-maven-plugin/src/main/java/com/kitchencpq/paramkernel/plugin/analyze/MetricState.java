package com.kitchencpq.paramkernel.plugin.analyze;

import java.util.ArrayList;
import java.util.List;

/**
 * The controller's bookkeeping for one metric, {@code MetricResult} of {@code
 * pkg/apis/rollouts/v1alpha1/analysis_types.go}: phase, message, counters and the measurements.
 * Mutable and confined to one run.
 */
final class MetricState {
  final String name;
  Phase phase;
  String message = "";
  boolean dryRun;
  int count;
  int successful;
  int failed;
  int inconclusive;
  int error;
  int consecutiveError;
  int consecutiveSuccess;
  final List<Measurement> measurements = new ArrayList<>();

  MetricState(String name, Phase phase) {
    this.name = name;
    this.phase = phase;
  }

  /** The last measurement, or null ({@code LastMeasurement}). */
  Measurement last() {
    return measurements.isEmpty() ? null : measurements.get(measurements.size() - 1);
  }

  MetricState copy() {
    MetricState c = new MetricState(name, phase);
    c.message = message;
    c.dryRun = dryRun;
    c.count = count;
    c.successful = successful;
    c.failed = failed;
    c.inconclusive = inconclusive;
    c.error = error;
    c.consecutiveError = consecutiveError;
    c.consecutiveSuccess = consecutiveSuccess;
    c.measurements.addAll(measurements);
    return c;
  }
}
