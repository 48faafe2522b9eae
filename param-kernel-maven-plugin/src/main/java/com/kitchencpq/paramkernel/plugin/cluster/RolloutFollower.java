package com.kitchencpq.paramkernel.plugin.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Follows a Rollout until it is Healthy, Degraded or Paused (see {@link RolloutSnapshot.Verdict}),
 * or until the timeout: {@code kubectl argo rollouts status} (v1.9.1 {@code
 * pkg/kubectl-argo-rollouts/cmd/status/status.go}, {@code WatchStatus}), which stops on Healthy and
 * Degraded only, plus a stop on a pause that waits for a person.
 *
 * <p>Two watches (the Rollout, the AnalysisRuns of its namespace) only say that something changed;
 * each change is followed by reading the Rollout, its current AnalysisRun and the ReplicaSets of
 * its canary and stable pod hashes, and a new progress line goes out whenever the line differs from
 * the previous one. Without events the state is read again every {@link #RESYNC}, so a watch that
 * broke for good costs latency, not correctness.
 */
public final class RolloutFollower {
  /** How often the state is read when no event arrives. */
  public static final Duration RESYNC = Duration.ofSeconds(15);

  private final ClusterApi api;
  private final Duration resync;

  public RolloutFollower(ClusterApi api) {
    this(api, RESYNC);
  }

  RolloutFollower(ClusterApi api, Duration resync) {
    this.api = api;
    this.resync = resync;
  }

  /**
   * How the follow ended.
   *
   * @param last the last state read
   * @param lines every progress line, in order
   * @param timedOut true when the timeout ended it before a final state
   */
  public record Result(RolloutSnapshot last, List<String> lines, boolean timedOut) {
    public Result {
      lines = List.copyOf(lines);
    }
  }

  /**
   * Follows {@code name} in {@code namespace}.
   *
   * @param onLine gets each new progress line as it happens
   * @throws ClusterException NOT_FOUND when the Rollout does not exist (or disappears), or a failed
   *     read
   */
  public Result follow(String namespace, String name, Duration timeout, Consumer<String> onLine)
      throws ClusterException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    BlockingQueue<Object> signals = new LinkedBlockingQueue<>();
    List<AutoCloseable> watches = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    try {
      watches.add(
          api.watch(
              ResourceKind.ROLLOUT,
              namespace,
              name,
              () -> signals.offer(Boolean.TRUE),
              signals::offer));
      watches.add(
          api.watch(
              ResourceKind.ANALYSIS_RUN,
              namespace,
              null,
              () -> signals.offer(Boolean.TRUE),
              signals::offer));
      String previous = null;
      while (true) {
        // Whatever changed before this read, the read sees it.
        signals.removeIf(Boolean.TRUE::equals);
        RolloutSnapshot snapshot = read(namespace, name);
        String line = snapshot.line();
        if (!line.equals(previous)) {
          lines.add(line);
          onLine.accept(line);
          previous = line;
        }
        if (snapshot.isFinal()) {
          return new Result(snapshot, lines, false);
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return new Result(snapshot, lines, true);
        }
        Object signal = signals.poll(Math.min(left, resync.toNanos()), TimeUnit.NANOSECONDS);
        if (signal instanceof ClusterException) {
          // The watch gave up after its reconnects; the resync reads go on.
          signals.remove(signal);
        }
      }
    } finally {
      for (AutoCloseable w : watches) {
        try {
          w.close();
        } catch (Exception e) {
          // closing a watch is best effort
        }
      }
    }
  }

  /** Reads the current state once. */
  public RolloutSnapshot read(String namespace, String name) throws ClusterException {
    Optional<GenericKubernetesResource> rollout = api.get(ResourceKind.ROLLOUT, namespace, name);
    if (rollout.isEmpty()) {
      throw new ClusterException(
          ClusterException.Reason.NOT_FOUND,
          404,
          "Rollout \""
              + name
              + "\" does not exist in"
              + " namespace \""
              + namespace
              + "\" on "
              + api.server()
              + "; apply the bundle first (param-kernel:apply),"
              + " or set paramkernel.rollout.name / paramkernel.namespace",
          null);
    }
    JsonNode ro = Nodes.tree(rollout.get());
    String runName = Nodes.text(ro, "status", "canary", "currentStepAnalysisRunStatus", "name");
    if (runName.isEmpty()) {
      runName = Nodes.text(ro, "status", "canary", "currentBackgroundAnalysisRunStatus", "name");
    }
    JsonNode run = MissingNode.getInstance();
    if (!runName.isEmpty()) {
      run =
          api.get(ResourceKind.ANALYSIS_RUN, namespace, runName)
              .map(Nodes::tree)
              .orElse(MissingNode.getInstance());
    }
    List<String> hashes = new ArrayList<>();
    for (String field : List.of("currentPodHash", "stableRS")) {
      String hash = Nodes.text(ro, "status", field);
      if (!hash.isEmpty()
          && !hashes.contains(hash)
          && hash.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?")) {
        hashes.add(hash);
      }
    }
    List<JsonNode> replicaSets = new ArrayList<>();
    for (String hash : hashes) {
      for (GenericKubernetesResource rs :
          api.list(ResourceKind.REPLICA_SET, namespace, "rollouts-pod-template-hash=" + hash)) {
        replicaSets.add(Nodes.tree(rs));
      }
    }
    return RolloutSnapshot.of(ro, run, replicaSets);
  }
}
