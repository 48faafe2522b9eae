package com.kitchencpq.paramkernel.plugin.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * promote, abort, retry and set-image against the API server double. The expected patch bodies are
 * typed here from Argo Rollouts v1.9.1 {@code pkg/kubectl-argo-rollouts/cmd/promote/promote.go}
 * ({@code getPatches}, {@code PromoteRollout}), {@code cmd/abort/abort.go} ({@code AbortRollout}),
 * {@code cmd/retry/retry.go} ({@code RetryRollout}) and {@code cmd/set/set_image.go} ({@code
 * SetImage}, {@code newRolloutSetImage}), not taken from the code under test.
 */
class RolloutCommandsApiServerDoubleTest {
  private static final String NS = ShippedBundle.NAMESPACE;
  private static final String RO = ShippedBundle.ROLLOUT;
  private static final String PATH =
      "/apis/argoproj.io/v1alpha1/namespaces/kitchen-cpq/rollouts/param-kernel-service";

  @TempDir Path dir;

  private ApiServerDouble server;
  private Fabric8ClusterApi api;
  private RolloutCommands commands;

  @BeforeEach
  void start() throws Exception {
    server = new ApiServerDouble().start();
    api = server.clusterApi(dir, null);
    new BundleApplier()
        .apply(
            ShippedBundle.read(ShippedBundle.write(dir, ShippedBundle.DIGEST, null)),
            api,
            new BundleApplier.Options(null, false, false),
            a -> {});
    commands = new RolloutCommands(api);
  }

  @AfterEach
  void stop() {
    api.close();
    server.close();
  }

  /**
   * Puts the Rollout into a state, as the controller would (status subresource), then forgets the
   * requests.
   */
  private int state(String statusPatch) throws Exception {
    api.mergePatch(ResourceKind.ROLLOUT, NS, RO, "status", statusPatch);
    return server.mark();
  }

  private List<ApiServerDouble.Request> writesAfter(int mark) {
    List<ApiServerDouble.Request> all = server.requests();
    return all.subList(mark, all.size()).stream().filter(r -> !r.method().equals("GET")).toList();
  }

  private static String update(int index) {
    return "{\"currentPodHash\":\"7f6c9d8b5\",\"stableRS\":\"5d8f7c9b6\",\"currentStepIndex\":"
        + index;
  }

  @Test
  void promoteAtAPauseStepClearsThePauseConditions() throws Exception {
    int mark =
        state(
            "{\"status\":"
                + update(1)
                + ",\"controllerPause\":true,"
                + "\"pauseConditions\":[{\"reason\":\"CanaryPauseStep\",\"startTime\":\"2026-01-01T00:00:00Z\"}]}}");

    RolloutCommands.Outcome outcome = commands.promote(NS, RO, false);

    List<ApiServerDouble.Request> writes = writesAfter(mark);
    assertThat(writes)
        .extracting(
            ApiServerDouble.Request::method,
            ApiServerDouble.Request::pathWithoutQuery,
            ApiServerDouble.Request::body)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "PATCH", PATH + "/status", "{\"status\":{\"pauseConditions\":null}}"));
    assertThat(writes.get(0).contentType()).startsWith("application/merge-patch+json");
    JsonNode stored = server.stored(PATH);
    assertThat(stored.at("/status/pauseConditions").isMissingNode()).isTrue();
    assertThat(stored.at("/status/controllerPause").asBoolean()).isTrue();
    assertThat(stored.at("/status/currentStepIndex").asInt()).isEqualTo(1);
    assertThat(outcome.message()).isEqualTo("rollout 'param-kernel-service' promoted");
  }

  @Test
  void promoteOfAManuallyPausedRolloutUnpausesTheSpecAfterTheStatus() throws Exception {
    api.mergePatch(ResourceKind.ROLLOUT, NS, RO, null, "{\"spec\":{\"paused\":true}}");
    int mark =
        state(
            "{\"status\":"
                + update(1)
                + ",\"pauseConditions\":[{\"reason\":\"CanaryPauseStep\"}]}}");

    commands.promote(NS, RO, false);

    assertThat(writesAfter(mark))
        .extracting(ApiServerDouble.Request::pathWithoutQuery, ApiServerDouble.Request::body)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                PATH + "/status", "{\"status\":{\"pauseConditions\":null}}"),
            org.assertj.core.groups.Tuple.tuple(PATH, "{\"spec\":{\"paused\":false}}"));
    assertThat(server.stored(PATH).at("/spec/paused").asBoolean()).isFalse();
  }

  @Test
  void promoteOfAnInconclusivePauseClearsControllerPauseAndMovesToTheNextStep() throws Exception {
    int mark =
        state(
            "{\"status\":"
                + update(2)
                + ",\"controllerPause\":true,"
                + "\"pauseConditions\":[{\"reason\":\"InconclusiveAnalysisRun\"}],"
                + "\"canary\":{\"currentStepAnalysisRunStatus\":{\"name\":\"run\",\"status\":\"Inconclusive\"}}}}");

    commands.promote(NS, RO, false);

    assertThat(writesAfter(mark))
        .extracting(ApiServerDouble.Request::body)
        .containsExactly(
            "{\"status\":{\"pauseConditions\":null, \"controllerPause\":false,"
                + " \"currentStepIndex\":3}}");
    JsonNode status = server.stored(PATH).path("status");
    assertThat(status.path("controllerPause").asBoolean()).isFalse();
    assertThat(status.path("currentStepIndex").asInt()).isEqualTo(3);
    assertThat(status.has("pauseConditions")).isFalse();
  }

  @Test
  void promoteDuringAnAnalysisStepSkipsToTheNextStep() throws Exception {
    int mark = state("{\"status\":" + update(2) + "}}");

    commands.promote(NS, RO, false);

    assertThat(writesAfter(mark))
        .extracting(ApiServerDouble.Request::body)
        .containsExactly("{\"status\":{\"pauseConditions\":null, \"currentStepIndex\":3}}");
    assertThat(server.stored(PATH).at("/status/currentStepIndex").asInt()).isEqualTo(3);
  }

  @Test
  void promoteAtTheLastStepDoesNotGoPastTheNumberOfSteps() throws Exception {
    int mark = state("{\"status\":" + update(8) + "}}");
    commands.promote(NS, RO, false);
    assertThat(writesAfter(mark))
        .extracting(ApiServerDouble.Request::body)
        .containsExactly("{\"status\":{\"pauseConditions\":null, \"currentStepIndex\":8}}");
  }

  @Test
  void fullPromoteSetsPromoteFullAndUnpauses() throws Exception {
    api.mergePatch(ResourceKind.ROLLOUT, NS, RO, null, "{\"spec\":{\"paused\":true}}");
    int mark = state("{\"status\":" + update(2) + "}}");

    RolloutCommands.Outcome outcome = commands.promote(NS, RO, true);

    assertThat(writesAfter(mark))
        .extracting(ApiServerDouble.Request::pathWithoutQuery, ApiServerDouble.Request::body)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                PATH + "/status", "{\"status\":{\"promoteFull\":true}}"),
            org.assertj.core.groups.Tuple.tuple(PATH, "{\"spec\":{\"paused\":false}}"));
    JsonNode stored = server.stored(PATH);
    assertThat(stored.at("/status/promoteFull").asBoolean()).isTrue();
    assertThat(stored.at("/status/currentStepIndex").asInt()).isEqualTo(2);
    assertThat(outcome.message()).isEqualTo("rollout 'param-kernel-service' fully promoted");
  }

  @Test
  void fullPromoteOfAFullyPromotedRolloutSendsNothing() throws Exception {
    int mark = state("{\"status\":{\"currentPodHash\":\"5d8f7c9b6\",\"stableRS\":\"5d8f7c9b6\"}}");
    commands.promote(NS, RO, true);
    assertThat(writesAfter(mark)).isEmpty();
  }

  @Test
  void withoutAStatusSubresourcePromoteSendsTheUnifiedPatch() throws Exception {
    int mark =
        state(
            "{\"status\":"
                + update(1)
                + ",\"pauseConditions\":[{\"reason\":\"CanaryPauseStep\"}]}}");
    server.refuse("PATCH", PATH + "/status", 404);

    commands.promote(NS, RO, false);

    assertThat(writesAfter(mark))
        .extracting(ApiServerDouble.Request::pathWithoutQuery, ApiServerDouble.Request::body)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                PATH + "/status", "{\"status\":{\"pauseConditions\":null}}"),
            org.assertj.core.groups.Tuple.tuple(
                PATH, "{\"spec\":{\"paused\":false},\"status\":{\"pauseConditions\":null}}"));
  }

  @Test
  void abortAndRetryPatchStatusAbort() throws Exception {
    int mark = state("{\"status\":" + update(2) + "}}");

    RolloutCommands.Outcome aborted = commands.abort(NS, RO);
    assertThat(server.stored(PATH).at("/status/abort").asBoolean()).isTrue();
    RolloutCommands.Outcome retried = commands.retry(NS, RO);

    assertThat(writesAfter(mark))
        .extracting(ApiServerDouble.Request::pathWithoutQuery, ApiServerDouble.Request::body)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(PATH + "/status", "{\"status\":{\"abort\":true}}"),
            org.assertj.core.groups.Tuple.tuple(
                PATH + "/status", "{\"status\":{\"abort\":false}}"));
    assertThat(server.stored(PATH).at("/status/abort").asBoolean()).isFalse();
    assertThat(aborted.message()).isEqualTo("rollout 'param-kernel-service' aborted");
    assertThat(retried.message()).isEqualTo("rollout 'param-kernel-service' retried");
  }

  @Test
  void abortWithoutAStatusSubresourcePatchesTheObject() throws Exception {
    int mark = server.mark();
    server.refuse("PATCH", PATH + "/status", 404);
    commands.abort(NS, RO);
    assertThat(writesAfter(mark))
        .extracting(ApiServerDouble.Request::pathWithoutQuery)
        .containsExactly(PATH + "/status", PATH);
  }

  @Test
  void setImageUpdatesTheOnlyContainerWithAPut() throws Exception {
    String image = "kitchen-cpq/param-kernel-service@sha256:" + "9e".repeat(32);
    int mark = server.mark();

    RolloutCommands.Outcome outcome = commands.setImage(NS, RO, null, image);

    List<ApiServerDouble.Request> writes = writesAfter(mark);
    assertThat(writes)
        .extracting(ApiServerDouble.Request::method, ApiServerDouble.Request::pathWithoutQuery)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("PUT", PATH));
    JsonNode stored = server.stored(PATH);
    assertThat(stored.at("/spec/template/spec/containers/0/image").asText()).isEqualTo(image);
    assertThat(stored.at("/metadata/generation").asInt()).isEqualTo(2);
    assertThat(outcome.message()).isEqualTo("rollout \"param-kernel-service\" image updated");
  }

  @Test
  void setImageStartsOverOnAConflictAndGivesUpAfterFiveAttempts() throws Exception {
    String image = "kitchen-cpq/param-kernel-service@sha256:" + "9e".repeat(32);
    server.refuse("PUT", PATH, 409, 2);
    int mark = server.mark();
    commands.setImage(NS, RO, "param-kernel-service", image);
    assertThat(writesAfter(mark))
        .extracting(ApiServerDouble.Request::method)
        .containsExactly("PUT", "PUT", "PUT");

    server.refuse("PUT", PATH, 409, 10);
    int again = server.mark();
    assertThatThrownBy(() -> commands.setImage(NS, RO, "param-kernel-service", image))
        .isInstanceOfSatisfying(
            ClusterException.class,
            e -> assertThat(e.reason()).isEqualTo(ClusterException.Reason.CONFLICT));
    assertThat(writesAfter(again)).hasSize(5);
  }

  @Test
  void setImageNamesAMissingContainer() {
    assertThatThrownBy(() -> commands.setImage(NS, RO, "sidecar", "x@sha256:" + "1".repeat(64)))
        .isInstanceOf(BundleException.class)
        .hasMessageContaining("unable to find container named \"sidecar\"");
  }

  @Test
  void setImageFollowsTheWorkloadRefToTheDeployment() throws Exception {
    io.fabric8.kubernetes.client.KubernetesClient client = server.client();
    try {
      client
          .genericKubernetesResources(Fabric8ClusterApi.context(ResourceKind.DEPLOYMENT))
          .inNamespace(NS)
          .resource(
              io.fabric8.kubernetes.client.utils.Serialization.unmarshal(
                  "{\"apiVersion\":\"apps/v1\","
                      + "\"kind\":\"Deployment\",\"metadata\":{\"name\":\"web\",\"namespace\":\"kitchen-cpq\"},\"spec\":{"
                      + "\"template\":{\"spec\":{\"initContainers\":[{\"name\":\"init\",\"image\":\"a\"}],\"containers\":["
                      + "{\"name\":\"app\",\"image\":\"b\"},{\"name\":\"side\",\"image\":\"c\"}]}}}}",
                  io.fabric8.kubernetes.api.model.GenericKubernetesResource.class))
          .create();
    } finally {
      client.close();
    }
    api.update(
        ResourceKind.ROLLOUT,
        NS,
        withWorkloadRef(api.get(ResourceKind.ROLLOUT, NS, RO).orElseThrow()));

    assertThatThrownBy(() -> commands.setImage(NS, RO, null, "x"))
        .isInstanceOf(BundleException.class)
        .hasMessageContaining("has 2 containers [app, side]")
        .hasMessageContaining("paramkernel.setImage.container");
    RolloutCommands.Outcome outcome = commands.setImage(NS, RO, "*", "z@sha256:" + "2".repeat(64));

    JsonNode deployment = server.stored("/apis/apps/v1/namespaces/kitchen-cpq/deployments/web");
    assertThat(deployment.at("/spec/template/spec/initContainers/0/image").asText())
        .startsWith("z@");
    assertThat(deployment.at("/spec/template/spec/containers/1/image").asText()).startsWith("z@");
    assertThat(outcome.message()).isEqualTo("deployment \"web\" image updated");
  }

  @SuppressWarnings("unchecked")
  private static io.fabric8.kubernetes.api.model.GenericKubernetesResource withWorkloadRef(
      io.fabric8.kubernetes.api.model.GenericKubernetesResource ro) {
    java.util.Map<String, Object> spec =
        (java.util.Map<String, Object>) ro.getAdditionalProperties().get("spec");
    spec.remove("template");
    spec.put(
        "workloadRef",
        java.util.Map.of("apiVersion", "apps/v1", "kind", "Deployment", "name", "web"));
    return ro;
  }
}
