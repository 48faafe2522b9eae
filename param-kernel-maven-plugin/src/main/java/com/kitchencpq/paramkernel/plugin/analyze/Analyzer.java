package com.kitchencpq.paramkernel.plugin.analyze;

import com.kitchencpq.paramkernel.plugin.argo.ArgoVersion;
import com.kitchencpq.paramkernel.plugin.core.GoalException;
import com.kitchencpq.paramkernel.plugin.core.PropertyNames;

/**
 * Runs Argo Rollouts AnalysisTemplates against a real Prometheus the way the Argo Rollouts
 * controller runs an AnalysisRun, without a cluster: the plain-Java core of the {@code analyze}
 * goal, and the API for tests that want a verdict from Java.
 *
 * <h2>Use</h2>
 *
 * <pre>{@code
 * AnalysisResult r = Analyzer.analyze(AnalysisRequest.of(List.of(new SourceText("rollout.yaml", yaml)))
 *     .withArgs(Map.of("service-name", "param-kernel-service-canary"))
 *     .withPrometheusAddress("http://127.0.0.1:9090")
 *     .withMode(AnalysisRequest.Mode.replay(Instant.parse("2026-12-01T10:00:00Z")))
 *     .withRelease(ArgoVersion.V1_9)
 *     .withListener(new AnalysisListener() {
 *       public void measured(String metric, int number, Measurement m) { ... }
 *     }));
 * r.phase();                                   // SUCCESSFUL, FAILED, INCONCLUSIVE or ERROR
 * r.message();                                 // why
 * r.metric("error-rate").get().measurements(); // instant, value ("[0.0012]"), phase, message
 * }</pre>
 *
 * <ul>
 *   <li>{@link AnalysisRequest}: the YAML texts ({@link AnalysisRequest#read} reads files and
 *       directories), the template names (default: the Rollout's first analysis), argument values,
 *       a Prometheus address that replaces every metric's, live or replay, the Argo release ({@link
 *       ArgoVersion}), the clock of a live run ({@link AnalysisClock#system()}, or {@link
 *       AnalysisClock#virtual} to let a test's schedule pass at once) and an {@link
 *       AnalysisListener} for progress.
 *   <li>{@link AnalysisResult}: the run's phase and message, and per metric its phase, message,
 *       counters and {@link Measurement}s.
 *   <li>A user mistake that keeps a Rollout from creating the run (a template or an argument
 *       missing, a replay instant in the future, a metric that would never end) is a {@link
 *       GoalException} naming what to change. Everything the controller finds once the run exists
 *       (an unresolvable tag, an invalid metric, an unreachable Prometheus, a bad query, a
 *       condition that fails to evaluate) is part of the result, as in Argo.
 * </ul>
 *
 * <p>Every call is independent: no static state, each run has its own HTTP client and threads, so
 * several runs may go on at once in one JVM (one per thread). A live run blocks its thread for the
 * whole schedule; a replay returns as fast as Prometheus answers.
 *
 * <p>Only Prometheus metrics are measured. A metric of another provider (the warm-up Job) is listed
 * with phase {@link Phase#NOT_RUN} and left out of the verdict.
 */
public final class Analyzer {
  private Analyzer() {}

  /** Runs the analysis the request describes and returns its outcome. */
  public static AnalysisResult analyze(AnalysisRequest request)
      throws GoalException, InterruptedException {
    return analyze(request, new PrometheusProvider(request.release()));
  }

  /**
   * Runs it with another measurement source (the run-level tests script the provider's answers).
   */
  static AnalysisResult analyze(AnalysisRequest request, MeasurementSource source)
      throws GoalException, InterruptedException {
    RunPlan plan = RunLoader.load(request);
    try {
      return new Reconciler(plan, source, request).run();
    } catch (Reconciler.FutureInstant e) {
      throw GoalException.user(
          PropertyNames.ANALYZE_START
              + "="
              + request.mode().replayStart()
              + ": the replay would measure at "
              + e.instant()
              + ", which has not happened yet (initialDelay,"
              + " interval and count reach that far); choose an earlier start");
    }
  }
}
