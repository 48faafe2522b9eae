package com.kitchencpq.paramkernel.plugin.analyze;

/**
 * The phase of an analysis run, a metric or a measurement, with Argo Rollouts' names ({@code
 * AnalysisPhase} in {@code pkg/apis/rollouts/v1alpha1/analysis_types.go}), plus {@link #NOT_RUN}
 * for a metric whose provider this tool does not run.
 */
public enum Phase {
  PENDING("Pending"),
  RUNNING("Running"),
  SUCCESSFUL("Successful"),
  FAILED("Failed"),
  ERROR("Error"),
  INCONCLUSIVE("Inconclusive"),
  /**
   * A metric of a provider other than Prometheus: listed, never measured, left out of the verdict.
   */
  NOT_RUN("NotRun");

  private final String text;

  Phase(String text) {
    this.text = text;
  }

  /** The name as Argo writes it ({@code Successful}), also the JSON value. */
  public String text() {
    return text;
  }

  /** {@code AnalysisPhase.Completed()}: Successful, Failed, Error or Inconclusive. */
  public boolean completed() {
    return this == SUCCESSFUL || this == FAILED || this == ERROR || this == INCONCLUSIVE;
  }

  /**
   * {@code analysisStatusOrder} of {@code utils/analysis/helpers.go}, best to worst: Successful,
   * Running, Pending, Inconclusive, Error, Failed.
   */
  int order() {
    return switch (this) {
      case SUCCESSFUL -> 0;
      case RUNNING -> 1;
      case PENDING -> 2;
      case INCONCLUSIVE -> 3;
      case ERROR -> 4;
      case FAILED -> 5;
      case NOT_RUN -> 0;
    };
  }

  /** {@code IsWorse(current, new)} of {@code utils/analysis/helpers.go}. */
  static boolean isWorse(Phase current, Phase next) {
    return next.order() > current.order();
  }

  @Override
  public String toString() {
    return text;
  }
}
