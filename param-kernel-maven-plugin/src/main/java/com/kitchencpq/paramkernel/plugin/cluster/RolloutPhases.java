package com.kitchencpq.paramkernel.plugin.cluster;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The phase of a Rollout as {@code kubectl argo rollouts} computes it: a port of Argo Rollouts
 * v1.9.1 {@code utils/rollout/rolloututil.go} {@code GetRolloutPhase} (with {@code
 * isGenerationObserved}, {@code IsUnpausing}, {@code isWorkloadGenerationObserved}) and, for
 * controllers older than 1.0 that leave {@code status.phase} empty, its client-side fallback {@code
 * CalculateRolloutPhase}. The phases are Healthy, Degraded, Progressing and Paused; the message is
 * the controller's ({@code status.message}) or the fallback's.
 */
public final class RolloutPhases {
  public static final String HEALTHY = "Healthy";
  public static final String DEGRADED = "Degraded";
  public static final String PROGRESSING = "Progressing";
  public static final String PAUSED = "Paused";

  /** The pause reason of a canary pause step ({@code v1alpha1.PauseReasonCanaryPauseStep}). */
  public static final String PAUSE_REASON_CANARY_STEP = "CanaryPauseStep";

  /** {@code v1alpha1.PauseReasonInconclusiveAnalysis}. */
  public static final String PAUSE_REASON_INCONCLUSIVE_ANALYSIS = "InconclusiveAnalysisRun";

  private static final String WORKLOAD_GENERATION_ANNOTATION =
      "rollout.argoproj.io/workload-generation";

  private RolloutPhases() {}

  /** A phase and its message (possibly empty). */
  public record Phase(String phase, String message) {}

  /** {@code GetRolloutPhase}. */
  public static Phase of(JsonNode rollout) {
    if (!generationObserved(rollout)) {
      return new Phase(PROGRESSING, "waiting for rollout spec update to be observed");
    }
    if (unpausing(rollout)) {
      return new Phase(PROGRESSING, "waiting for rollout to unpause");
    }
    if (Nodes.bool(rollout, "spec", "templateResolvedFromRef")
        && !workloadGenerationObserved(rollout)) {
      return new Phase(
          PROGRESSING, "waiting for rollout spec update to be observed for the reference workload");
    }
    String phase = Nodes.text(rollout, "status", "phase");
    if (!phase.isEmpty()) {
      return new Phase(phase, Nodes.text(rollout, "status", "message"));
    }
    return calculate(rollout);
  }

  /**
   * {@code isGenerationObserved}: a numeric status.observedGeneration must have caught up with
   * metadata.generation.
   */
  static boolean generationObserved(JsonNode rollout) {
    String observed = Nodes.text(rollout, "status", "observedGeneration");
    long observedGen;
    try {
      observedGen = Long.parseLong(observed);
    } catch (NumberFormatException e) {
      return true;
    }
    long generation = Nodes.longValue(rollout, 0, "metadata", "generation");
    return observedGen >= generation;
  }

  /** {@code IsUnpausing}: controllerPause set while the pause conditions were cleared. */
  static boolean unpausing(JsonNode rollout) {
    return Nodes.bool(rollout, "status", "controllerPause") && pauseConditionCount(rollout) == 0;
  }

  static boolean workloadGenerationObserved(JsonNode rollout) {
    String annotation =
        Nodes.text(rollout, "metadata", "annotations", WORKLOAD_GENERATION_ANNOTATION);
    if (annotation.isEmpty()) {
      return true;
    }
    try {
      return Long.parseLong(Nodes.text(rollout, "status", "workloadObservedGeneration"))
          == Long.parseLong(annotation);
    } catch (NumberFormatException e) {
      return true;
    }
  }

  static int pauseConditionCount(JsonNode rollout) {
    JsonNode conditions = Nodes.at(rollout, "status", "pauseConditions");
    return conditions.isArray() ? conditions.size() : 0;
  }

  /** {@code CalculateRolloutPhase}, the fallback for controllers before 1.0. */
  static Phase calculate(JsonNode rollout) {
    JsonNode status = rollout.path("status");
    JsonNode spec = rollout.path("spec");
    for (JsonNode cond : status.path("conditions")) {
      if ("InvalidSpec".equals(cond.path("type").asText())) {
        return new Phase(DEGRADED, "InvalidSpec: " + cond.path("message").asText());
      }
      String reason = cond.path("reason").asText();
      if ("RolloutAborted".equals(reason) || "ProgressDeadlineExceeded".equals(reason)) {
        return new Phase(DEGRADED, reason + ": " + cond.path("message").asText());
      }
    }
    if (spec.path("paused").asBoolean(false)) {
      return new Phase(PAUSED, "manually paused");
    }
    for (JsonNode pause : status.path("pauseConditions")) {
      return new Phase(PAUSED, pause.path("reason").asText());
    }
    if (!spec.path("restartAt").isMissingNode()
        && !spec.path("restartAt").isNull()
        && !spec.path("restartAt").asText().equals(status.path("restartedAt").asText())) {
      return new Phase(PROGRESSING, "rollout is restarting");
    }
    long replicas = spec.path("replicas").isNumber() ? spec.path("replicas").asLong() : 1;
    long updated = status.path("updatedReplicas").asLong(0);
    long available = status.path("availableReplicas").asLong(0);
    if (updated < replicas) {
      return new Phase(PROGRESSING, "more replicas need to be updated");
    }
    if (available < updated) {
      return new Phase(PROGRESSING, "updated replicas are still becoming available");
    }
    String stable = status.path("stableRS").asText("");
    String current = status.path("currentPodHash").asText("");
    JsonNode blueGreen = spec.path("strategy").path("blueGreen");
    JsonNode canary = spec.path("strategy").path("canary");
    if (blueGreen.isObject()) {
      String active = status.path("blueGreen").path("activeSelector").asText("");
      if (active.isEmpty() || !active.equals(current)) {
        return new Phase(PROGRESSING, "active service cutover pending");
      }
      if (stable.isEmpty() || !stable.equals(current)) {
        return new Phase(PROGRESSING, "waiting for post-promotion verification to complete");
      }
    } else if (canary.isObject()) {
      if (canary.path("trafficRouting").isMissingNode()
          && status.path("replicas").asLong(0) > updated) {
        return new Phase(PROGRESSING, "old replicas are pending termination");
      }
      if (stable.isEmpty() || !stable.equals(current)) {
        return new Phase(PROGRESSING, "waiting for all steps to complete");
      }
    }
    return new Phase(HEALTHY, "");
  }

  /**
   * {@code GetCurrentCanaryStep} of {@code utils/replicaset/canary.go}: the index of the current
   * step (0 when status.currentStepIndex is unset), or null without canary steps.
   */
  static Integer currentStepIndex(JsonNode rollout) {
    JsonNode steps = Nodes.at(rollout, "spec", "strategy", "canary", "steps");
    if (!steps.isArray() || steps.isEmpty()) {
      return null;
    }
    Integer index = Nodes.integer(rollout, "status", "currentStepIndex");
    return index == null ? 0 : index;
  }

  /** The current canary step, or a missing node past the last step or without steps. */
  static JsonNode currentStep(JsonNode rollout) {
    Integer index = currentStepIndex(rollout);
    JsonNode steps = Nodes.at(rollout, "spec", "strategy", "canary", "steps");
    return index == null || index >= steps.size()
        ? com.fasterxml.jackson.databind.node.MissingNode.getInstance()
        : steps.get(index);
  }

  /**
   * {@code GetCurrentSetWeight} of {@code utils/replicaset/canary.go}: 0 when aborted, the maximum
   * weight past the last step, else the last setWeight at or before the current step.
   */
  static int currentSetWeight(JsonNode rollout) {
    if (Nodes.bool(rollout, "status", "abort")) {
      return 0;
    }
    JsonNode steps = Nodes.at(rollout, "spec", "strategy", "canary", "steps");
    Integer index = currentStepIndex(rollout);
    if (index == null || index >= steps.size()) {
      return maxTrafficWeight(rollout);
    }
    for (int i = index; i >= 0; i--) {
      JsonNode w = steps.get(i).path("setWeight");
      if (w.isNumber()) {
        return w.asInt();
      }
    }
    return 0;
  }

  /**
   * {@code MaxTrafficWeight} of {@code utils/weightutil}: 100 unless the traffic router says
   * otherwise.
   */
  static int maxTrafficWeight(JsonNode rollout) {
    JsonNode max =
        Nodes.at(rollout, "spec", "strategy", "canary", "trafficRouting", "maxTrafficWeight");
    return max.isNumber() ? max.asInt() : 100;
  }

  /** {@code CanaryStepString} of {@code utils/rollout/rolloututil.go}. */
  static String stepString(JsonNode step) {
    if (step.path("setWeight").isNumber()) {
      return "setWeight: " + step.path("setWeight").asInt();
    }
    if (step.has("pause")) {
      JsonNode d = step.path("pause").path("duration");
      return d.isMissingNode() || d.isNull() ? "pause" : "pause: " + d.asText();
    }
    if (step.has("experiment")) {
      return "experiment";
    }
    if (step.has("analysis")) {
      return "analysis";
    }
    JsonNode scale = step.path("setCanaryScale");
    if (scale.isObject()) {
      if (scale.has("weight")) {
        return "setCanaryScale{weight: " + scale.path("weight").asInt() + "}";
      } else if (scale.path("matchTrafficWeight").asBoolean(false)) {
        return "setCanaryScale{matchTrafficWeight: true}";
      } else if (scale.has("replicas")) {
        return "setCanaryScale{replicas: " + scale.path("replicas").asInt() + "}";
      }
    }
    if (step.has("plugin")) {
      return "plugin: " + step.path("plugin").path("name").asText();
    }
    if (step.has("setHeaderRoute")) {
      return "setHeaderRoute: " + step.path("setHeaderRoute").path("name").asText();
    }
    if (step.has("setMirrorRoute")) {
      return "setMirrorRoute: " + step.path("setMirrorRoute").path("name").asText();
    }
    return "invalid";
  }
}
