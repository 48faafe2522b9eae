package com.kitchencpq.paramkernel.plugin.analyze;

import com.kitchencpq.paramkernel.plugin.argo.ArgoVersion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Drives one run the way the controller's work queue drives {@code reconcileAnalysisRun} in {@code
 * analysis/analysis.go}: at each reconcile it takes the measurements that are due ({@code
 * generateMetricTasks}, measured side by side as {@code runMeasurements} does with one goroutine
 * each), records them, assesses the metrics and the run ({@code assessRunStatus}), and then waits
 * until {@code calculateNextReconcileTime}. A reconcile that changed the run's status is followed
 * at once by another one, as the controller's own status update comes back through its informer
 * ({@code analysis/controller.go}, the AnalysisRun {@code UpdateFunc}); that second look is where a
 * run with a failed metric stops ({@code IsTerminating}) and assesses the unfinished metrics as
 * terminated.
 *
 * <p>Live, the clock is the real one and the queries ask for "now". Replayed, the clock is virtual:
 * it starts at the replayed instant, stands still while a reconcile runs, and jumps to the next
 * reconcile time, so measurement k of a metric is evaluated at start + initialDelay + k * interval,
 * and the retry after an Error 10 s after it ({@code DefaultErrorRetryInterval}).
 */
final class Reconciler {
  private final RunPlan plan;
  private final MeasurementSource source;
  private final AnalysisClock clock;
  private final AnalysisClock realClock;
  private final boolean replay;
  private final AnalysisListener listener;
  private final ArgoVersion release;
  private final AnalysisRequest.Mode mode;

  Reconciler(RunPlan plan, MeasurementSource source, AnalysisRequest request) {
    this.plan = plan;
    this.source = source;
    this.mode = request.mode();
    this.replay = request.mode().isReplay();
    this.realClock = request.clock();
    this.clock = replay ? AnalysisClock.virtual(request.mode().replayStart()) : request.clock();
    this.listener = request.listener();
    this.release = request.release();
  }

  /** Thrown when a replay reaches an instant that has not happened yet. */
  static final class FutureInstant extends Exception {
    private static final long serialVersionUID = 1L;
    private final Instant instant;

    FutureInstant(Instant instant) {
      super("the replay reached " + instant + ", which is in the future");
      this.instant = instant;
    }

    Instant instant() {
      return instant;
    }
  }

  AnalysisResult run() throws InterruptedException, FutureInstant {
    Instant started = clock.now();
    RunState run = new RunState();
    List<MetricSpec> metrics = plan.runnableMetrics();
    if (!plan.specError().isEmpty()) {
      run.startedAt = started;
      run.phase = Phase.ERROR;
      run.message = plan.specError();
      return result(run, started);
    }
    ExecutorService pool = null;
    try {
      while (true) {
        Instant now = clock.now();
        if (replay && now.isAfter(realClock.now())) {
          throw new FutureInstant(now);
        }
        List<MetricSpec> tasks = Controller.generateMetricTasks(run, metrics, now);
        if (tasks.size() > 1 && pool == null) {
          pool = pool();
        }
        Map<String, Measurement> taken = measure(tasks, now, pool);
        Map<String, Phase> before = phases(run);
        for (Map.Entry<String, Measurement> e : taken.entrySet()) {
          String name = e.getKey();
          Controller.recordMeasurement(run, name, e.getValue(), plan.dryRun().contains(name));
          listener.measured(name, run.result(name).measurements.size(), e.getValue());
          e.getValue()
              .warnings()
              .forEach(
                  w -> listener.warning("Prometheus warned about metric '" + name + "': " + w));
        }
        boolean startedNow = run.startedAt == null;
        Controller.Verdict verdict =
            Controller.assessRunStatus(run, metrics, plan.dryRun(), now, release);
        boolean changed = startedNow || !taken.isEmpty() || !before.equals(phases(run));
        if (verdict.phase() != run.phase) {
          run.phase = verdict.phase();
          run.message = plan.redact(verdict.message());
          changed = true;
        }
        if (run.phase.completed()) {
          return result(run, started);
        }
        Instant next = Controller.calculateNextReconcileTime(run, metrics, now);
        if (changed) {
          continue;
        }
        if (next == null) {
          throw new IllegalStateException(
              "the run is " + run.phase + " but no metric wants another measurement");
        }
        List<String> due = new ArrayList<>();
        for (MetricSpec m : metrics) {
          if (next.equals(Controller.calculateNextReconcileTime(run, List.of(m), now))) {
            due.add(m.name());
          }
        }
        listener.waiting(next, due);
        clock.sleepUntil(next);
      }
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
  }

  private static Map<String, Phase> phases(RunState run) {
    Map<String, Phase> out = new LinkedHashMap<>();
    run.results().forEach(r -> out.put(r.name, r.phase));
    return out;
  }

  private static ExecutorService pool() {
    AtomicInteger n = new AtomicInteger();
    return Executors.newCachedThreadPool(
        r -> {
          Thread t = new Thread(r, "analyze-measurement-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
  }

  /**
   * Takes the due measurements, side by side when there are several; results by metric name in
   * metric order (keyed by name: hashing the metric records would cost their first use a
   * method-handle bootstrap).
   */
  private Map<String, Measurement> measure(
      List<MetricSpec> tasks, Instant now, ExecutorService pool) throws InterruptedException {
    Map<String, Measurement> out = new LinkedHashMap<>();
    if (tasks.size() == 1) {
      out.put(tasks.get(0).name(), measureOne(tasks.get(0), now));
      return out;
    }
    Map<String, Future<Measurement>> futures = new LinkedHashMap<>();
    for (MetricSpec m : tasks) {
      futures.put(m.name(), pool.submit(() -> measureOne(m, now)));
    }
    for (Map.Entry<String, Future<Measurement>> e : futures.entrySet()) {
      try {
        out.put(e.getKey(), e.getValue().get());
      } catch (ExecutionException ex) {
        Throwable cause = ex.getCause();
        if (cause instanceof InterruptedException ie) {
          throw ie;
        }
        if (cause instanceof RuntimeException re) {
          throw re;
        }
        throw new IllegalStateException(cause);
      }
    }
    return out;
  }

  private Measurement measureOne(MetricSpec metric, Instant now) throws InterruptedException {
    MeasurementSource.Observation o = source.measure(metric, now);
    Instant finished = replay ? now : clock.now();
    return new Measurement(
        now,
        finished,
        o.value(),
        o.phase(),
        plan.redact(o.message()),
        o.unreachable(),
        o.warnings().stream().map(plan::redact).toList());
  }

  private AnalysisResult result(RunState run, Instant started) {
    List<AnalysisResult.MetricResult> metrics = new ArrayList<>();
    for (MetricSpec m : plan.metrics()) {
      if (!plan.runnable().contains(m.name())) {
        metrics.add(
            new AnalysisResult.MetricResult(
                m.name(),
                m.template(),
                m.provider(),
                Phase.NOT_RUN,
                "not run here: analyze runs Prometheus metrics only; the verdict is the other"
                    + " metrics'",
                plan.dryRun().contains(m.name()),
                0,
                0,
                0,
                0,
                0,
                0,
                List.of()));
        continue;
      }
      MetricState r = run.result(m.name());
      if (r == null) {
        metrics.add(
            new AnalysisResult.MetricResult(
                m.name(),
                m.template(),
                m.provider(),
                Phase.PENDING,
                "",
                plan.dryRun().contains(m.name()),
                0,
                0,
                0,
                0,
                0,
                0,
                List.of()));
      } else {
        metrics.add(
            new AnalysisResult.MetricResult(
                m.name(),
                m.template(),
                m.provider(),
                r.phase,
                r.message,
                r.dryRun,
                r.count,
                r.successful,
                r.failed,
                r.inconclusive,
                r.error,
                r.consecutiveError,
                r.measurements));
      }
    }
    String message = run.message;
    if (message.isEmpty() && run.phase == Phase.SUCCESSFUL) {
      message = successExplanation(metrics);
    }
    return new AnalysisResult(
        run.phase,
        message,
        metrics,
        mode,
        release,
        run.startedAt == null ? started : run.startedAt,
        clock.now());
  }

  /** Why a run succeeded, where Argo leaves the message empty. */
  static String successExplanation(List<AnalysisResult.MetricResult> metrics) {
    List<String> parts = new ArrayList<>();
    for (AnalysisResult.MetricResult m : metrics) {
      if (!m.ran()) {
        continue;
      }
      StringBuilder sb = new StringBuilder(m.name()).append(": ");
      if (m.dryRun()) {
        sb.append("dry run, ").append(m.phase()).append(", ");
      }
      sb.append(m.successful())
          .append(" of ")
          .append(m.count())
          .append(" counted measurements Successful");
      if (m.failed() > 0) {
        sb.append(", ").append(m.failed()).append(" Failed");
      }
      if (m.inconclusive() > 0) {
        sb.append(", ").append(m.inconclusive()).append(" Inconclusive");
      }
      if (m.error() > 0) {
        sb.append(", ").append(m.error()).append(" Error");
      }
      parts.add(sb.toString());
    }
    return "Every metric completed within its limits (" + String.join("; ", parts) + ")";
  }
}
