package com.kitchencpq.paramkernel.plugin.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * GetRolloutPhase / CalculateRolloutPhase of Argo Rollouts v1.9.1 utils/rollout/rolloututil.go, and
 * the verdicts.
 */
class RolloutPhasesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SPEC =
      "\"spec\":{\"replicas\":1,\"strategy\":{\"canary\":{\"steps\":["
          + "{\"setWeight\":20},{\"pause\":{\"duration\":\"5m\"}},{\"pause\":{}},{\"analysis\":{}}]}}}";

  private static JsonNode rollout(String status) throws Exception {
    return JSON.readTree(
        "{\"metadata\":{\"generation\":2}," + SPEC + ",\"status\":" + status + "}");
  }

  @Test
  void anUnobservedGenerationIsProgressing() throws Exception {
    assertThat(RolloutPhases.of(rollout("{\"observedGeneration\":\"1\",\"phase\":\"Healthy\"}")))
        .isEqualTo(
            new RolloutPhases.Phase(
                "Progressing", "waiting for rollout spec update to be observed"));
    // v0.9 hashes are not numbers: always observed
    assertThat(
            RolloutPhases.of(rollout("{\"observedGeneration\":\"7d9f8\",\"phase\":\"Healthy\"}"))
                .phase())
        .isEqualTo("Healthy");
  }

  @Test
  void clearedPauseConditionsWithControllerPauseAreUnpausing() throws Exception {
    assertThat(RolloutPhases.of(rollout("{\"controllerPause\":true,\"phase\":\"Paused\"}")))
        .isEqualTo(new RolloutPhases.Phase("Progressing", "waiting for rollout to unpause"));
  }

  @Test
  void withoutAControllerPhaseTheClientSideFallbackDecides() throws Exception {
    assertThat(
            RolloutPhases.of(
                rollout(
                    "{\"conditions\":[{\"type\":\"Progressing\",\"reason\":\"RolloutAborted\","
                        + "\"message\":\"m\"}]}")))
        .isEqualTo(new RolloutPhases.Phase("Degraded", "RolloutAborted: m"));
    assertThat(
            RolloutPhases.of(
                rollout("{\"conditions\":[{\"type\":\"InvalidSpec\",\"message\":\"bad\"}]}")))
        .isEqualTo(new RolloutPhases.Phase("Degraded", "InvalidSpec: bad"));
    assertThat(
            RolloutPhases.of(rollout("{\"pauseConditions\":[{\"reason\":\"CanaryPauseStep\"}]}")))
        .isEqualTo(new RolloutPhases.Phase("Paused", "CanaryPauseStep"));
    assertThat(
            RolloutPhases.of(rollout("{\"updatedReplicas\":1,\"availableReplicas\":0}")).message())
        .isEqualTo("updated replicas are still becoming available");
    assertThat(
            RolloutPhases.of(
                    rollout("{\"updatedReplicas\":1,\"availableReplicas\":1,\"replicas\":2}"))
                .message())
        .isEqualTo("old replicas are pending termination");
    assertThat(
            RolloutPhases.of(
                    rollout(
                        "{\"updatedReplicas\":1,\"availableReplicas\":1,\"replicas\":1,"
                            + "\"stableRS\":\"a\",\"currentPodHash\":\"b\"}"))
                .message())
        .isEqualTo("waiting for all steps to complete");
    assertThat(
            RolloutPhases.of(
                rollout(
                    "{\"updatedReplicas\":1,\"availableReplicas\":1,\"replicas\":1,"
                        + "\"stableRS\":\"a\",\"currentPodHash\":\"a\"}")))
        .isEqualTo(new RolloutPhases.Phase("Healthy", ""));
  }

  @Test
  void aTimedPauseStepKeepsWatchingOtherPausesStop() throws Exception {
    RolloutSnapshot timed =
        RolloutSnapshot.of(
            rollout(
                "{\"currentStepIndex\":1,\"phase\":\"Paused\","
                    + "\"message\":\"CanaryPauseStep\",\"controllerPause\":true,\"pauseConditions\":[{\"reason\":\"CanaryPauseStep\"}]}"),
            JSON.missingNode(),
            java.util.List.of());
    assertThat(timed.verdict()).isEqualTo(RolloutSnapshot.Verdict.PROGRESSING);
    RolloutSnapshot indefinite =
        RolloutSnapshot.of(
            rollout(
                "{\"currentStepIndex\":2,\"phase\":\"Paused\","
                    + "\"message\":\"CanaryPauseStep\",\"controllerPause\":true,\"pauseConditions\":[{\"reason\":\"CanaryPauseStep\"}]}"),
            JSON.missingNode(),
            java.util.List.of());
    assertThat(indefinite.verdict()).isEqualTo(RolloutSnapshot.Verdict.PAUSED);
    assertThat(indefinite.line())
        .isEqualTo("Paused - CanaryPauseStep | step 2/4 pause | weight 20");
  }

  @Test
  void setWeightFollowsGetCurrentSetWeight() throws Exception {
    assertThat(RolloutPhases.currentSetWeight(rollout("{\"currentStepIndex\":3}"))).isEqualTo(20);
    assertThat(RolloutPhases.currentSetWeight(rollout("{\"currentStepIndex\":4}"))).isEqualTo(100);
    assertThat(RolloutPhases.currentSetWeight(rollout("{\"currentStepIndex\":3,\"abort\":true}")))
        .isZero();
  }
}
