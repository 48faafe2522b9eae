package com.kitchencpq.paramkernel.plugin.cluster;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * Plays the Argo Rollouts controller against the API server double: it writes the Rollout's status
 * through the status subresource, creates the ReplicaSets and AnalysisRuns, and moves the
 * AnalysisRuns' measurements, with the fields, reasons and messages the controller of v1.9.1 uses
 * ({@code rollout/canary.go}, {@code rollout/analysis.go}, {@code rollout/sync.go}, {@code
 * analysis/analysis.go}, {@code utils/conditions/conditions.go}).
 *
 * <p>After each change it waits until rollout-status has read the whole new state (the Rollout,
 * then the ReplicaSets; the order {@link RolloutFollower#read} reads in), so every state the
 * controller passes through is seen, as it would be with a controller slower than its watchers.
 * Handshakes can be turned off to let states pile up.
 */
final class ControllerSimulation {
  static final String STABLE_HASH = "5d8f7c9b6";
  static final String CANARY_HASH = "7f6c9d8b5";
  static final String RUN_2 = "param-kernel-service-" + CANARY_HASH + "-2-2";
  static final String RUN_5 = "param-kernel-service-" + CANARY_HASH + "-2-5";
  private static final long HANDSHAKE_MILLIS = 30_000;

  /**
   * The first handshake also waits for rollout-status to start: in an invoker case that is a forked
   * Maven build, which on a loaded machine takes more than {@link #HANDSHAKE_MILLIS}.
   */
  private static final long START_HANDSHAKE_MILLIS = 300_000;

  private final ApiServerDouble server;
  private final KubernetesClient client;
  private final Fabric8ClusterApi api;
  private final String namespace;
  private final String name;
  private final boolean handshake;
  private String stableHash = STABLE_HASH;
  private final int created;

  /** The bearer token of the controller's own requests, which the handshakes leave out. */
  static final String TOKEN = "controller-token";

  ControllerSimulation(
      ApiServerDouble server, Path workDir, String namespace, String name, boolean handshake)
      throws java.io.IOException, ClusterException {
    this.server = server;
    this.client = server.client();
    this.api = server.clusterApi(workDir, null, TOKEN);
    this.namespace = namespace;
    this.name = name;
    this.handshake = handshake;
    this.created = server.mark();
  }

  /** The scenarios the tests and the invoker cases run. */
  enum Scenario {
    COMPLETES,
    ABORTED_BY_ANALYSIS,
    PAUSED_INCONCLUSIVE
  }

  void run(Scenario scenario) throws Exception {
    if (handshake) {
      // rollout-status has read the Rollout as apply left it (no status yet).
      server.awaitAfter(
          created,
          r ->
              watcher(r)
                  && r.method().equals("GET")
                  && !r.isWatch()
                  && r.pathWithoutQuery().equals(rolloutPath()),
          START_HANDSHAKE_MILLIS);
    }
    begin();
    canaryReady();
    timedPause(1);
    analysisStep(2, RUN_2);
    switch (scenario) {
      case COMPLETES -> {
        measure(RUN_2, "0.004", "Successful", "0.021", "Successful", null, null);
        analysisSucceeded(RUN_2);
        setWeightStep(3);
        timedPause(4);
        analysisStep(5, RUN_5);
        measure(RUN_5, "0.002", "Successful", "0.019", "Successful", null, null);
        analysisSucceeded(RUN_5);
        setWeightStep(6);
        timedPause(7);
        completed();
      }
      case ABORTED_BY_ANALYSIS -> {
        measure(RUN_2, "0.052", "Failed", "0.024", "Successful", null, null);
        measure(
            RUN_2,
            "0.061",
            "Failed",
            "0.026",
            "Successful",
            "Failed",
            "Metric \"error-rate\" assessed Failed due to failed (2) > failureLimit (1)");
        aborted(
            RUN_2, "Metric \"error-rate\" assessed Failed due to failed (2) > failureLimit (1)");
      }
      case PAUSED_INCONCLUSIVE -> {
        measure(
            RUN_2,
            "0.004",
            "Successful",
            "NaN",
            "Inconclusive",
            "Inconclusive",
            "Metric \"latency-p95\" assessed Inconclusive due to inconclusive (1) >"
                + " inconclusiveLimit (0)");
        pausedInconclusive(RUN_2);
      }
    }
  }

  /** Waits until the Rollout exists (apply created it). */
  void awaitRollout(long millis) throws Exception {
    long end = System.currentTimeMillis() + millis;
    while (api.get(ResourceKind.ROLLOUT, namespace, name).isEmpty()) {
      if (System.currentTimeMillis() > end) {
        throw new TimeoutException("Rollout " + name + " was not created within " + millis + " ms");
      }
      Thread.sleep(100);
    }
  }

  void begin() throws Exception {
    replicaSet(STABLE_HASH, 1, 1);
    replicaSet(CANARY_HASH, 1, 0);
    long generation =
        Nodes.longValue(
            Nodes.tree(api.get(ResourceKind.ROLLOUT, namespace, name).orElseThrow()),
            1,
            "metadata",
            "generation");
    change(
        () ->
            status(
                "{\"status\":{\"observedGeneration\":\""
                    + generation
                    + "\",\"currentPodHash\":\""
                    + CANARY_HASH
                    + "\",\"stableRS\":\""
                    + STABLE_HASH
                    + "\",\"currentStepIndex\":0,\"replicas\":2,"
                    + "\"updatedReplicas\":1,\"readyReplicas\":1,\"availableReplicas\":1,\"phase\":\"Progressing\",\"message\":\"more"
                    + " replicas need to be updated\"}}"));
  }

  void canaryReady() throws Exception {
    change(
        () -> {
          replicaSet(CANARY_HASH, 1, 1);
          status("{\"status\":{\"readyReplicas\":2,\"availableReplicas\":2,\"message\":\"\"}}");
        });
  }

  /** A pause step with a duration: CanaryPauseStep (rollout/canary.go reconcileCanaryPause). */
  void timedPause(int index) throws Exception {
    change(
        () ->
            status(
                "{\"status\":{\"currentStepIndex\":"
                    + index
                    + ",\"controllerPause\":true,"
                    + "\"pauseConditions\":[{\"reason\":\"CanaryPauseStep\",\"startTime\":\"2026-01-01T00:00:00Z\"}],"
                    + "\"phase\":\"Paused\",\"message\":\"CanaryPauseStep\"}}"));
  }

  void analysisStep(int index, String run) throws Exception {
    change(
        () -> {
          analysisRun(run, index, "Running", List.of());
          status(
              "{\"status\":{\"currentStepIndex\":"
                  + index
                  + ",\"controllerPause\":null,\"pauseConditions\":null,"
                  + "\"phase\":\"Progressing\",\"message\":\"\",\"canary\":{\"currentStepAnalysisRunStatus\":{\"name\":\""
                  + run
                  + "\",\"status\":\"Running\"}}}}");
        });
  }

  void setWeightStep(int index) throws Exception {
    change(() -> status("{\"status\":{\"currentStepIndex\":" + index + ",\"canary\":null}}"));
  }

  /**
   * The latest measurements of the health metrics (and the warm-up Job's); with a run phase the run
   * ends in it.
   */
  void measure(
      String run,
      String errorRate,
      String errorPhase,
      String p95,
      String p95Phase,
      String runPhase,
      String message)
      throws Exception {
    change(
        () -> {
          String phase = runPhase == null ? "Running" : runPhase;
          analysisRun(
              run,
              -1,
              phase,
              List.of(
                  metric("warmup", "", "Successful"),
                  metric("error-rate", errorRate, errorPhase),
                  metric("latency-p95", p95, p95Phase)));
          if (message != null) {
            api.mergePatch(
                ResourceKind.ANALYSIS_RUN,
                namespace,
                run,
                null,
                "{\"status\":{\"message\":" + Serialization.asJson(message) + "}}");
          }
        });
  }

  void analysisSucceeded(String run) throws Exception {
    change(
        () -> {
          api.mergePatch(
              ResourceKind.ANALYSIS_RUN,
              namespace,
              run,
              null,
              "{\"status\":{\"phase\":\"Successful\"}}");
          status(
              "{\"status\":{\"canary\":{\"currentStepAnalysisRunStatus\":{\"name\":\""
                  + run
                  + "\",\"status\":\"Successful\"}}}}");
        });
  }

  /** Healthy: the canary is the new stable (rollout/sync.go, conditions RolloutCompleted). */
  void completed() throws Exception {
    stableHash = CANARY_HASH;
    finalChange(
        () -> {
          status(
              "{\"status\":{\"currentStepIndex\":8,\"stableRS\":\""
                  + CANARY_HASH
                  + "\",\"controllerPause\":null,"
                  + "\"pauseConditions\":null,\"canary\":null,\"replicas\":1,\"updatedReplicas\":1,\"readyReplicas\":1,"
                  + "\"availableReplicas\":1,\"phase\":\"Healthy\",\"message\":\"\"}}");
          replicaSet(STABLE_HASH, 0, 0);
        });
  }

  /**
   * A Failed step analysis aborts: rollout/analysis.go AddAbort, rollout/sync.go RolloutAborted
   * condition. The canary's scale-down comes in later reconciliations.
   */
  void aborted(String run, String runMessage) throws Exception {
    String message =
        "Rollout aborted update to revision 2: Step-based analysis phase error/failed: "
            + runMessage;
    finalChange(
        () -> {
          status(
              "{\"status\":{\"abort\":true,\"abortedAt\":\"2026-01-01T00:10:00Z\",\"replicas\":1,"
                  + "\"updatedReplicas\":0,\"readyReplicas\":1,\"availableReplicas\":1,"
                  + "\"conditions\":[{\"type\":\"Progressing\",\"status\":\"False\",\"reason\":\"RolloutAborted\","
                  + "\"message\":"
                  + Serialization.asJson(message)
                  + "}],"
                  + "\"canary\":{\"currentStepAnalysisRunStatus\":{\"name\":\""
                  + run
                  + "\",\"status\":\"Failed\","
                  + "\"message\":"
                  + Serialization.asJson(runMessage)
                  + "}},"
                  + "\"phase\":\"Degraded\",\"message\":"
                  + Serialization.asJson("RolloutAborted: " + message)
                  + "}}");
        });
  }

  /**
   * An Inconclusive step analysis pauses: rollout/analysis.go
   * AddPauseCondition(InconclusiveAnalysisRun).
   */
  void pausedInconclusive(String run) throws Exception {
    finalChange(
        () ->
            status(
                "{\"status\":{\"controllerPause\":true,"
                    + "\"pauseConditions\":[{\"reason\":\"InconclusiveAnalysisRun\",\"startTime\":\"2026-01-01T00:10:00Z\"}],"
                    + "\"canary\":{\"currentStepAnalysisRunStatus\":{\"name\":\""
                    + run
                    + "\",\"status\":\"Inconclusive\"}},"
                    + "\"phase\":\"Paused\",\"message\":\"InconclusiveAnalysisRun\"}}"));
  }

  private interface Change {
    void apply() throws Exception;
  }

  /** Makes a change, then waits until rollout-status has read the state after it. */
  private void change(Change c) throws Exception {
    change(c, true);
  }

  /** The last change of a scenario: rollout-status stops on it, so nothing to wait for. */
  private void finalChange(Change c) throws Exception {
    change(c, false);
  }

  private void change(Change c, boolean await) throws Exception {
    c.apply();
    if (!handshake || !await) {
      return;
    }
    int mark = server.mark();
    String rolloutPath = rolloutPath();
    int next =
        server.awaitAfter(
            mark,
            r ->
                watcher(r)
                    && r.method().equals("GET")
                    && !r.isWatch()
                    && r.pathWithoutQuery().equals(rolloutPath),
            HANDSHAKE_MILLIS);
    String last = "rollouts-pod-template-hash=" + stableHash;
    server.awaitAfter(
        next,
        r ->
            watcher(r)
                && r.method().equals("GET")
                && r.pathWithoutQuery().endsWith("/replicasets")
                && last.equals(r.query().get("labelSelector")),
        HANDSHAKE_MILLIS);
  }

  /** A request of rollout-status, not of this controller. */
  private static boolean watcher(ApiServerDouble.Request r) {
    return !("Bearer " + TOKEN).equals(r.authorization());
  }

  private String rolloutPath() {
    return "/apis/argoproj.io/v1alpha1/namespaces/" + namespace + "/rollouts/" + name;
  }

  private void status(String patch) throws ClusterException {
    api.mergePatch(ResourceKind.ROLLOUT, namespace, name, "status", patch);
  }

  private void replicaSet(String hash, long replicas, long ready) throws ClusterException {
    String rsName = name + "-" + hash;
    GenericKubernetesResource rs =
        Serialization.unmarshal(
            "{\"apiVersion\":\"apps/v1\",\"kind\":\"ReplicaSet\","
                + "\"metadata\":{\"name\":\""
                + rsName
                + "\",\"namespace\":\""
                + namespace
                + "\",\"labels\":{"
                + "\"app.kubernetes.io/name\":\""
                + name
                + "\",\"rollouts-pod-template-hash\":\""
                + hash
                + "\"}},"
                + "\"spec\":{\"replicas\":"
                + replicas
                + "},\"status\":{\"replicas\":"
                + replicas
                + ",\"readyReplicas\":"
                + ready
                + ",\"availableReplicas\":"
                + ready
                + "}}",
            GenericKubernetesResource.class);
    if (api.get(ResourceKind.REPLICA_SET, namespace, rsName).isEmpty()) {
      client
          .genericKubernetesResources(Fabric8ClusterApi.context(ResourceKind.REPLICA_SET))
          .inNamespace(namespace)
          .resource(rs)
          .create();
    } else {
      api.mergePatch(
          ResourceKind.REPLICA_SET,
          namespace,
          rsName,
          null,
          Serialization.asJson(
              Map.of(
                  "spec",
                  Map.of("replicas", replicas),
                  "status",
                  Map.of(
                      "replicas", replicas, "readyReplicas", ready, "availableReplicas", ready))));
    }
  }

  private static Map<String, Object> metric(String name, String value, String phase) {
    return Map.of(
        "name",
        name,
        "phase",
        phase,
        "measurements",
        List.of(Map.of("phase", phase, "value", value, "startedAt", "2026-01-01T00:05:00Z")));
  }

  private void analysisRun(
      String run, int stepIndex, String phase, List<Map<String, Object>> metrics)
      throws ClusterException {
    if (api.get(ResourceKind.ANALYSIS_RUN, namespace, run).isEmpty()) {
      GenericKubernetesResource ar =
          Serialization.unmarshal(
              "{\"apiVersion\":\"argoproj.io/v1alpha1\","
                  + "\"kind\":\"AnalysisRun\",\"metadata\":{\"name\":\""
                  + run
                  + "\",\"namespace\":\""
                  + namespace
                  + "\","
                  + "\"labels\":{\"rollout-type\":\"Step\",\"step-index\":\""
                  + stepIndex
                  + "\","
                  + "\"rollouts-pod-template-hash\":\""
                  + CANARY_HASH
                  + "\"}},"
                  + "\"spec\":{\"metrics\":[{\"name\":\"warmup\"},{\"name\":\"error-rate\"},{\"name\":\"latency-p95\"}]}}",
              GenericKubernetesResource.class);
      client
          .genericKubernetesResources(Fabric8ClusterApi.context(ResourceKind.ANALYSIS_RUN))
          .inNamespace(namespace)
          .resource(ar)
          .create();
    }
    api.mergePatch(
        ResourceKind.ANALYSIS_RUN,
        namespace,
        run,
        null,
        Serialization.asJson(Map.of("status", Map.of("phase", phase, "metricResults", metrics))));
  }

  void close() {
    client.close();
    api.close();
  }
}
