package com.kitchencpq.paramkernel.plugin.analyze;

import com.kitchencpq.paramkernel.plugin.argo.ArgoVersion;
import com.kitchencpq.paramkernel.plugin.validate.rules.Syntax;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The AnalysisRun controller's decisions, function by function as Argo Rollouts writes them in
 * {@code analysis/analysis.go} (read at v1.7.2, v1.8.3, v1.9.1 and v1.10.0-rc1; the differences are
 * in {@link ArgoVersion}) and {@code utils/analysis/helpers.go}. Each method names the upstream
 * function it follows. They work on a {@link RunState} the way upstream works on {@code
 * run.Status}; none of them measures or sleeps: {@link Reconciler} drives them.
 *
 * <p>Two parts of upstream never apply here and are left out: in-flight measurements that a later
 * reconcile resumes or terminates ({@code incompleteMeasurement}, {@code ResumeAt}), because the
 * Prometheus provider finishes every measurement inside {@code Run}; and {@code spec.terminate},
 * because nobody terminates the run from outside.
 */
final class Controller {
  private Controller() {}

  /**
   * {@code DefaultErrorRetryInterval} of {@code analysis/analysis.go}: the next try after an Error.
   */
  static final Duration DEFAULT_ERROR_RETRY_INTERVAL = Duration.ofSeconds(10);

  /** {@code DefaultConsecutiveErrorLimit} of {@code utils/defaults/defaults.go}. */
  static final int DEFAULT_CONSECUTIVE_ERROR_LIMIT = 4;

  /** A phase with the reason upstream gives for it; {@code phase} is null when there is none. */
  record Verdict(Phase phase, String message) {}

  /**
   * {@code generateMetricTasks}: the metrics to measure at {@code now}. None when the run is
   * terminating; a metric's first measurement waits for {@code initialDelay} after the run's start
   * (and for the start itself to be recorded); later ones wait {@code interval} after the previous
   * one finished, or {@link #DEFAULT_ERROR_RETRY_INTERVAL} after an Error, and stop at the
   * effective count.
   *
   * <p>Upstream takes a measurement when {@code Now().After(finishedAt + interval)}; its work queue
   * wakes it at that very instant, so "after" is always true by the time it looks. Here the clock
   * can stand exactly on the instant (replay), so the test is "not before".
   */
  static List<MetricSpec> generateMetricTasks(RunState run, List<MetricSpec> metrics, Instant now) {
    List<MetricSpec> tasks = new ArrayList<>();
    boolean terminating = isTerminating(run);
    for (MetricSpec metric : metrics) {
      if (run.metricCompleted(metric.name())) {
        continue;
      }
      Measurement last = run.lastMeasurement(metric.name());
      if (terminating) {
        continue;
      }
      if (last == null) {
        if (!metric.initialDelay().isEmpty()) {
          if (run.startedAt == null) {
            continue;
          }
          Duration delay = duration(metric.initialDelay());
          if (delay == null || run.startedAt.plus(delay).isAfter(now)) {
            continue;
          }
        }
        tasks.add(metric);
        continue;
      }
      MetricState result = run.result(metric.name());
      Long effectiveCount = metric.effectiveCount();
      if (effectiveCount != null && result.count >= effectiveCount) {
        continue;
      }
      Duration interval = DEFAULT_ERROR_RETRY_INTERVAL;
      if (last.phase() != Phase.ERROR && !metric.interval().isEmpty()) {
        interval = duration(metric.interval());
        if (interval == null) {
          continue;
        }
      }
      if (!now.isBefore(last.finishedAt().plus(interval))) {
        tasks.add(metric);
      }
    }
    return tasks;
  }

  /**
   * {@code IsTerminating} of {@code utils/analysis/helpers.go}: a metric that is not a dry run
   * ended Failed, Error or Inconclusive, so the run stops taking measurements.
   */
  static boolean isTerminating(RunState run) {
    for (MetricState r : run.results()) {
      if (r.dryRun) {
        continue;
      }
      if (r.phase == Phase.FAILED || r.phase == Phase.ERROR || r.phase == Phase.INCONCLUSIVE) {
        return true;
      }
    }
    return false;
  }

  /**
   * The bookkeeping of {@code runMeasurements} for one finished measurement: a Successful, Failed
   * or Inconclusive measurement counts toward {@code count} and resets the consecutive errors; an
   * Error counts only as an error in a row; only Successful extends the success streak.
   */
  static void recordMeasurement(RunState run, String metric, Measurement m, boolean dryRun) {
    MetricState result = run.result(metric);
    if (result == null) {
      result = new MetricState(metric, Phase.RUNNING);
      result.dryRun = dryRun;
    }
    switch (m.phase()) {
      case SUCCESSFUL -> {
        result.successful++;
        result.count++;
        result.consecutiveError = 0;
        result.consecutiveSuccess++;
      }
      case FAILED -> {
        result.failed++;
        result.count++;
        result.consecutiveError = 0;
        result.consecutiveSuccess = 0;
      }
      case INCONCLUSIVE -> {
        result.inconclusive++;
        result.count++;
        result.consecutiveError = 0;
        result.consecutiveSuccess = 0;
      }
      case ERROR -> {
        result.error++;
        result.consecutiveError++;
        result.consecutiveSuccess = 0;
      }
      default -> {}
    }
    result.measurements.add(m);
    run.setResult(result);
  }

  /**
   * {@code assessRunStatus}: updates every metric's phase from its measurements (taking the last
   * measurement's message when the phase changes), then gives the run's phase. While no metric is
   * terminating, the run is Running until every metric has completed, then it takes the worst
   * completed phase of the metrics that are not dry runs (a dry-run metric only makes the run
   * Successful when nothing else has completed). When terminating, the worst phase so far, or
   * Successful when there is none. The message names the worst metric and why: {@code Metric "x"
   * assessed Failed due to failed (2) > failureLimit (1)}, plus {@code : "Error Message: ..."} when
   * its last measurement had one.
   */
  static Verdict assessRunStatus(
      RunState run,
      List<MetricSpec> metrics,
      Set<String> dryRun,
      Instant now,
      ArgoVersion release) {
    Phase worstStatus = null;
    String worstMessage = "";
    boolean terminating = isTerminating(run);
    boolean everythingCompleted = true;
    if (run.startedAt == null) {
      run.startedAt = now;
    }
    for (MetricSpec metric : metrics) {
      MetricState result = run.result(metric.name());
      if (result == null) {
        // metric hasn't started running: possible when it starts with a delay
        everythingCompleted = false;
        continue;
      }
      Phase metricStatus = assessMetricStatus(metric, result, terminating, release);
      if (result.phase != metricStatus) {
        Measurement last = result.last();
        if (last != null) {
          result.message = last.message();
        }
        result.phase = metricStatus;
      }
      if (!metricStatus.completed()) {
        everythingCompleted = false;
        continue;
      }
      Verdict limits = assessMetricFailureInconclusiveOrError(metric, result, release);
      String message = limits.message();
      if (!dryRun.contains(metric.name())) {
        if (worstStatus == null || Phase.isWorse(worstStatus, metricStatus)) {
          worstStatus = metricStatus;
          if (!message.isEmpty()) {
            worstMessage =
                "Metric \"" + metric.name() + "\" assessed " + metricStatus + " due to " + message;
            if (!result.message.isEmpty()) {
              worstMessage += ": \"Error Message: " + result.message + "\"";
            }
          }
        }
      } else {
        if (worstStatus == null) {
          worstStatus = Phase.SUCCESSFUL;
        }
        if (!message.isEmpty()) {
          result.message = "Metric assessed " + metricStatus + " due to " + message;
        }
      }
    }
    worstMessage = worstMessage.trim();
    if (terminating) {
      return new Verdict(worstStatus == null ? Phase.SUCCESSFUL : worstStatus, worstMessage);
    }
    if (!everythingCompleted || worstStatus == null) {
      return new Verdict(Phase.RUNNING, "");
    }
    return new Verdict(worstStatus, worstMessage);
  }

  /**
   * {@code assessMetricStatus}: a completed metric keeps its phase; without measurements it is
   * Pending (Successful when the run is terminating); then the limits ({@link
   * #assessMetricFailureInconclusiveOrError}); then a reached {@code consecutiveSuccessLimit} is
   * Successful; at the effective count it is Successful, unless a success streak was required and
   * not reached (Inconclusive while the failure limit applies, Failed when only the streak does); a
   * metric still short of its count is Running, or Successful when the run is terminating.
   */
  static Phase assessMetricStatus(
      MetricSpec metric, MetricState result, boolean terminating, ArgoVersion release) {
    if (result.phase.completed()) {
      return result.phase;
    }
    if (result.measurements.isEmpty()) {
      return terminating ? Phase.SUCCESSFUL : Phase.PENDING;
    }
    if (!result.last().phase().completed()) {
      return Phase.RUNNING;
    }
    Verdict limits = assessMetricFailureInconclusiveOrError(metric, result, release);
    if (limits.phase() != null) {
      return limits.phase();
    }
    IntOrString successLimit =
        release.hasConsecutiveSuccessLimit() ? metric.consecutiveSuccessLimit() : null;
    if (successLimit != null
        && successLimit.intValue() > 0
        && result.consecutiveSuccess >= successLimit.intValue()) {
      return Phase.SUCCESSFUL;
    }
    Long effectiveCount = metric.effectiveCount();
    if (effectiveCount != null && result.count >= effectiveCount) {
      IntOrString failureLimit = metric.failureLimit();
      boolean failureApplicable = failureLimit == null || failureLimit.intValue() >= 0;
      boolean successApplicable = successLimit != null && successLimit.intValue() > 0;
      if (failureApplicable && successApplicable) {
        return Phase.INCONCLUSIVE;
      } else if (successApplicable) {
        return Phase.FAILED;
      }
      return Phase.SUCCESSFUL;
    }
    return terminating ? Phase.SUCCESSFUL : Phase.RUNNING;
  }

  /**
   * {@code assessMetricFailureInconclusiveOrError}: Failed when {@code failed > failureLimit}
   * (default 0; -1 disables it from v1.8), Inconclusive when {@code inconclusive >
   * inconclusiveLimit} (default 0), Error when {@code consecutiveError > consecutiveErrorLimit}
   * (default 4). Checked in that order, so a later one wins.
   */
  static Verdict assessMetricFailureInconclusiveOrError(
      MetricSpec metric, MetricState result, ArgoVersion release) {
    Phase phase = null;
    String message = "";
    long failureLimit = metric.failureLimit() == null ? 0 : (int) metric.failureLimit().intValue();
    if ((failureLimit >= 0 || !release.failureLimitMayBeDisabled())
        && result.failed > failureLimit) {
      phase = Phase.FAILED;
      message = "failed (" + result.failed + ") > failureLimit (" + failureLimit + ")";
    }
    long inconclusiveLimit =
        metric.inconclusiveLimit() == null ? 0 : (int) metric.inconclusiveLimit().intValue();
    if (result.inconclusive > inconclusiveLimit) {
      phase = Phase.INCONCLUSIVE;
      message =
          "inconclusive ("
              + result.inconclusive
              + ") > inconclusiveLimit ("
              + inconclusiveLimit
              + ")";
    }
    long errorLimit =
        metric.consecutiveErrorLimit() == null
            ? DEFAULT_CONSECUTIVE_ERROR_LIMIT
            : (int) metric.consecutiveErrorLimit().intValue();
    if (result.consecutiveError > errorLimit) {
      phase = Phase.ERROR;
      message =
          "consecutiveErrors ("
              + result.consecutiveError
              + ") > consecutiveErrorLimit ("
              + errorLimit
              + ")";
    }
    return new Verdict(phase, message);
  }

  /**
   * {@code calculateNextReconcileTime}: the earliest instant a metric wants its next measurement
   * (the run's start plus {@code initialDelay} before the first one, then the last one's end plus
   * {@code interval}, or plus {@link #DEFAULT_ERROR_RETRY_INTERVAL} after an Error); null when no
   * metric wants one.
   */
  static Instant calculateNextReconcileTime(RunState run, List<MetricSpec> metrics, Instant now) {
    Instant reconcileTime = null;
    for (MetricSpec metric : metrics) {
      if (run.metricCompleted(metric.name())) {
        continue;
      }
      Measurement last = run.lastMeasurement(metric.name());
      if (last == null) {
        if (!metric.initialDelay().isEmpty()) {
          Instant start = run.startedAt != null ? run.startedAt : now;
          Duration delay = duration(metric.initialDelay());
          if (delay == null) {
            continue;
          }
          Instant end = start.plus(delay);
          if (reconcileTime == null || reconcileTime.isAfter(end)) {
            reconcileTime = end;
          }
        }
        continue;
      }
      MetricState result = run.result(metric.name());
      Long effectiveCount = metric.effectiveCount();
      if (effectiveCount != null && result.count >= effectiveCount) {
        continue;
      }
      Duration interval;
      if (last.phase() == Phase.ERROR) {
        interval = DEFAULT_ERROR_RETRY_INTERVAL;
      } else if (!metric.interval().isEmpty()) {
        interval = duration(metric.interval());
        if (interval == null) {
          continue;
        }
      } else {
        continue;
      }
      Instant t = last.finishedAt().plus(interval);
      if (reconcileTime == null || reconcileTime.isAfter(t)) {
        reconcileTime = t;
      }
    }
    return reconcileTime;
  }

  /**
   * {@code DurationString.Duration()}: Go's {@code time.ParseDuration}, null when it does not
   * parse.
   */
  static Duration duration(String text) {
    Syntax.DurationResult d = Syntax.parseGoDuration(text);
    return d.valid() ? Duration.ofNanos(d.nanos()) : null;
  }
}
