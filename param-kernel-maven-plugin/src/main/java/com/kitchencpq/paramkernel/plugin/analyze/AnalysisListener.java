package com.kitchencpq.paramkernel.plugin.analyze;

import java.time.Instant;
import java.util.List;

/**
 * Progress of a run, for a log or a test: every finished measurement, every wait, notices (metrics
 * not run here) and warnings (arguments ignored, fields the release does not know, Prometheus' own
 * warnings). Called on the thread that runs the analysis, in order. All methods do nothing by
 * default.
 */
public interface AnalysisListener {
  /** Does nothing. */
  AnalysisListener NONE = new AnalysisListener() {};

  /**
   * A measurement finished.
   *
   * @param number 1-based number of the measurement within its metric
   */
  default void measured(String metric, int number, Measurement measurement) {}

  /** The run waits until {@code until}, when {@code metrics} are due. */
  default void waiting(Instant until, List<String> metrics) {}

  /** Something the user should know that does not change the verdict (a metric not run here). */
  default void notice(String message) {}

  /**
   * Something that is probably a mistake but does not stop the run (an argument no template
   * declares).
   */
  default void warning(String message) {}
}
