package com.kitchencpq.paramkernel.plugin.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What rollout-status shows of a Rollout at one moment: its phase, the canary step, the set weight,
 * ready pods of the canary and stable ReplicaSets, and the current AnalysisRun with its latest
 * measurements. Built from the objects as read; {@link #line()} is the progress line.
 *
 * @param phase {@link RolloutPhases#of}
 * @param stepIndex status.currentStepIndex (0 when unset), null without canary steps
 * @param stepCount number of canary steps
 * @param step {@code CanaryStepString} of the current step, empty past the last one
 * @param weight {@code GetCurrentSetWeight}
 * @param canary ready/desired pods of the ReplicaSet of status.currentPodHash, null when unknown or
 *     when it is the stable one
 * @param stable ready/desired pods of the ReplicaSet of status.stableRS, null when unknown
 * @param analysis the current AnalysisRun, null when there is none
 * @param verdict what the state means for rollout-status
 */
public record RolloutSnapshot(
    RolloutPhases.Phase phase,
    Integer stepIndex,
    int stepCount,
    String step,
    int weight,
    Pods canary,
    Pods stable,
    Analysis analysis,
    Verdict verdict) {

  /** What rollout-status does with a state. */
  public enum Verdict {
    /** The update completed: stop, pass. */
    HEALTHY,
    /** Aborted, failed or invalid: stop, fail. */
    DEGRADED,
    /** Waits for a person (an Inconclusive analysis, a manual or an indefinite pause): stop. */
    PAUSED,
    /** Still moving (a timed pause step included): keep watching. */
    PROGRESSING
  }

  /** Ready and desired pods of one ReplicaSet. */
  public record Pods(long ready, long desired) {
    @Override
    public String toString() {
      return ready + "/" + desired + " ready";
    }
  }

  /** The latest measurement of one metric. */
  public record Measurement(String metric, String value, String phase) {}

  /** An AnalysisRun and the latest measurement of each of its metrics. */
  public record Analysis(String name, String phase, String message, List<Measurement> latest) {
    public Analysis {
      latest = List.copyOf(latest);
    }
  }

  /**
   * Reads the snapshot from the Rollout, its AnalysisRun (or a missing node) and the ReplicaSets of
   * its namespace.
   */
  public static RolloutSnapshot of(
      JsonNode rollout, JsonNode analysisRun, List<JsonNode> replicaSets) {
    RolloutPhases.Phase phase = RolloutPhases.of(rollout);
    JsonNode steps = Nodes.at(rollout, "spec", "strategy", "canary", "steps");
    Integer index = RolloutPhases.currentStepIndex(rollout);
    JsonNode current = RolloutPhases.currentStep(rollout);
    String step = current.isMissingNode() ? "" : RolloutPhases.stepString(current);
    String currentHash = Nodes.text(rollout, "status", "currentPodHash");
    String stableHash = Nodes.text(rollout, "status", "stableRS");
    // Fully promoted: the current ReplicaSet is the stable one, shown once as stable.
    Pods canary = currentHash.equals(stableHash) ? null : pods(replicaSets, currentHash);
    Pods stable = pods(replicaSets, stableHash);
    Analysis analysis = analysis(analysisRun);
    return new RolloutSnapshot(
        phase,
        index,
        steps.isArray() ? steps.size() : 0,
        step,
        RolloutPhases.currentSetWeight(rollout),
        canary,
        stable,
        analysis,
        verdict(rollout, phase, current));
  }

  /**
   * Healthy and Degraded as upstream's phases say. Paused stops the watch, except the pause of a
   * canary step with a duration, which the controller ends by itself: that keeps watching.
   */
  static Verdict verdict(JsonNode rollout, RolloutPhases.Phase phase, JsonNode currentStep) {
    return switch (phase.phase()) {
      case RolloutPhases.HEALTHY -> Verdict.HEALTHY;
      case RolloutPhases.DEGRADED -> Verdict.DEGRADED;
      case RolloutPhases.PAUSED ->
          timedPauseStep(rollout, currentStep) ? Verdict.PROGRESSING : Verdict.PAUSED;
      default -> Verdict.PROGRESSING;
    };
  }

  static boolean timedPauseStep(JsonNode rollout, JsonNode currentStep) {
    if (Nodes.bool(rollout, "spec", "paused")) {
      return false;
    }
    JsonNode conditions = Nodes.at(rollout, "status", "pauseConditions");
    if (!conditions.isArray() || conditions.isEmpty()) {
      return false;
    }
    for (JsonNode c : conditions) {
      if (!RolloutPhases.PAUSE_REASON_CANARY_STEP.equals(c.path("reason").asText())) {
        return false;
      }
    }
    JsonNode duration = currentStep.path("pause").path("duration");
    return !duration.isMissingNode() && !duration.isNull() && !duration.asText().isBlank();
  }

  private static Pods pods(List<JsonNode> replicaSets, String hash) {
    if (hash.isEmpty()) {
      return null;
    }
    for (JsonNode rs : replicaSets) {
      if (hash.equals(Nodes.text(rs, "metadata", "labels", "rollouts-pod-template-hash"))) {
        return new Pods(
            Nodes.longValue(rs, 0, "status", "readyReplicas"),
            Nodes.longValue(rs, 0, "spec", "replicas"));
      }
    }
    return null;
  }

  private static Analysis analysis(JsonNode run) {
    if (run == null || run.isMissingNode()) {
      return null;
    }
    List<Measurement> latest = new ArrayList<>();
    for (JsonNode metric : Nodes.at(run, "status", "metricResults")) {
      JsonNode measurements = metric.path("measurements");
      if (measurements.isArray() && !measurements.isEmpty()) {
        JsonNode last = measurements.get(measurements.size() - 1);
        latest.add(
            new Measurement(
                metric.path("name").asText(),
                last.path("value").asText(""),
                last.path("phase").asText("")));
      }
    }
    String phase = Nodes.text(run, "status", "phase");
    return new Analysis(
        Nodes.text(run, "metadata", "name"),
        phase.isEmpty() ? "Pending" : phase,
        Nodes.text(run, "status", "message"),
        latest);
  }

  /** Whether the rollout-status watch ends here. */
  public boolean isFinal() {
    return verdict != Verdict.PROGRESSING;
  }

  /**
   * The progress line: {@code Progressing | step 2/9 analysis | weight 20 | canary 1/1 ready |
   * stable 1/1 ready | analysis <name> Running: error-rate=0.004 (Successful)}. The step is shown
   * as upstream's {@code RolloutInfo.Step}: current index / number of steps.
   */
  public String line() {
    StringBuilder s = new StringBuilder(phase.phase());
    if (!phase.message().isEmpty()) {
      s.append(" - ").append(phase.message());
    }
    if (stepIndex != null) {
      s.append(" | step ").append(stepIndex).append('/').append(stepCount);
      if (!step.isEmpty()) {
        s.append(' ').append(step);
      }
      s.append(" | weight ").append(weight);
    }
    if (canary != null) {
      s.append(" | canary ").append(canary);
    }
    if (stable != null) {
      s.append(" | stable ").append(stable);
    }
    if (analysis != null) {
      s.append(" | analysis ").append(analysis.name()).append(' ').append(analysis.phase());
      if (!analysis.latest().isEmpty()) {
        s.append(':');
        for (int i = 0; i < analysis.latest().size(); i++) {
          Measurement m = analysis.latest().get(i);
          s.append(i == 0 ? " " : ", ")
              .append(m.metric())
              .append('=')
              .append(m.value().isEmpty() ? "-" : m.value());
          if (!m.phase().isEmpty()) {
            s.append(" (").append(m.phase()).append(')');
          }
        }
      }
    }
    return s.toString();
  }
}
