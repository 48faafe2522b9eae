package com.kitchencpq.paramkernel.plugin.analyze;

import com.kitchencpq.paramkernel.plugin.argo.ArgoVersion;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of one analysis run, as Argo would record it in the AnalysisRun's status.
 *
 * @param phase Successful, Failed, Inconclusive or Error
 * @param message why: Argo's {@code status.message} ({@code Metric "x" assessed Failed due to
 *     failed (2) > failureLimit (1)}, {@code Unable to resolve metric arguments: ...}); where Argo
 *     leaves it empty (a Successful run) it says which metrics completed and how
 * @param metrics every metric of the run in the run's order, including those not run here
 * @param mode live or replay
 * @param release the Argo Rollouts semantics followed
 * @param startedAt the run's start (replay: the replayed instant)
 * @param finishedAt when the run completed (replay: on the replayed time line)
 */
public record AnalysisResult(
    Phase phase,
    String message,
    List<MetricResult> metrics,
    AnalysisRequest.Mode mode,
    ArgoVersion release,
    Instant startedAt,
    Instant finishedAt) {

  public AnalysisResult {
    metrics = List.copyOf(metrics);
  }

  /**
   * One metric.
   *
   * @param template where it is defined, e.g. {@code AnalysisTemplate 'param-kernel-canary-health'}
   * @param provider {@code prometheus}, {@code job}, ...
   * @param phase the metric's phase; {@link Phase#NOT_RUN} for a provider this tool does not run
   * @param message the last measurement's error at the metric's last change of phase, or why it was
   *     not run
   * @param dryRun whether a {@code dryRun} rule matches it (measured, left out of the verdict)
   * @param count measurements that counted (Successful, Failed, Inconclusive)
   * @param consecutiveError Errors in a row at the end
   */
  public record MetricResult(
      String name,
      String template,
      String provider,
      Phase phase,
      String message,
      boolean dryRun,
      int count,
      int successful,
      int failed,
      int inconclusive,
      int error,
      int consecutiveError,
      List<Measurement> measurements) {

    public MetricResult {
      measurements = List.copyOf(measurements);
    }

    /** Whether this tool measured the metric. */
    public boolean ran() {
      return phase != Phase.NOT_RUN;
    }
  }

  /** The metric named {@code name}. */
  public Optional<MetricResult> metric(String name) {
    return metrics.stream().filter(m -> m.name().equals(name)).findFirst();
  }

  /** Measurements taken, over all metrics. */
  public int measurementCount() {
    return metrics.stream().mapToInt(m -> m.measurements().size()).sum();
  }

  /**
   * Whether the run ended in Error because Prometheus gave no answer: an Error metric (not a dry
   * run) whose last measurement got none. That is the environment's fault, not the template's.
   */
  public boolean unreachable() {
    return phase == Phase.ERROR
        && metrics.stream()
            .anyMatch(
                m ->
                    m.phase() == Phase.ERROR
                        && !m.dryRun()
                        && !m.measurements().isEmpty()
                        && m.measurements().get(m.measurements().size() - 1).unreachable());
  }

  /** Whether the build passes: Successful, or Inconclusive when that is allowed. */
  public boolean passes(boolean failOnInconclusive) {
    return phase == Phase.SUCCESSFUL || (phase == Phase.INCONCLUSIVE && !failOnInconclusive);
  }
}
