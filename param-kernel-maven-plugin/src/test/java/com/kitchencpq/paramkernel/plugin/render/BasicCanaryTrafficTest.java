package com.kitchencpq.paramkernel.plugin.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.kitchencpq.paramkernel.plugin.render.ArgoBasicCanary.ReplicaSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Replays Argo Rollouts' replica arithmetic ({@link ArgoBasicCanary}, ported from upstream) over
 * the shipped Rollout's steps and checks what the client Service reaches at every reconcile: it
 * never has zero endpoints, and once a step has settled the canary's share of its pods is what
 * docs/rollout-bundle.md says. It also shows why the bundle sets no stableService: a Service pinned
 * to the stable ReplicaSet has no endpoints from setWeight 100 on.
 *
 * <p>Pods are modelled the way the endpoints controller sees them: a pod being removed leaves the
 * endpoints at once, a new pod joins one reconcile later (when it turns ready).
 */
class BasicCanaryTrafficTest {
  private static List<Integer> weights;
  private static int replicas;
  private static Map<String, Object> canary;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void shippedRollout() throws Exception {
    RenderedRollout rendered =
        new TemplateRenderer()
            .render(Template.embeddedDefault(), TemplateRendererTest.DIGEST, List.of());
    for (Object doc : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(rendered.text())) {
      Map<String, Object> d = (Map<String, Object>) doc;
      if ("Rollout".equals(d.get("kind"))) {
        Map<String, Object> spec = (Map<String, Object>) d.get("spec");
        replicas = (Integer) spec.get("replicas");
        canary = (Map<String, Object>) ((Map<String, Object>) spec.get("strategy")).get("canary");
        weights = new ArrayList<>();
        for (Object step : (List<Object>) canary.get("steps")) {
          Object w = ((Map<String, Object>) step).get("setWeight");
          if (w != null) {
            weights.add((Integer) w);
          }
        }
      }
    }
  }

  /** One settled step: canary and stable pods behind the client Service. */
  record Settled(
      int weight,
      int canaryPods,
      int stablePods,
      int fewestClientEndpoints,
      int fewestStableEndpoints) {
    double canaryShare() {
      return (double) canaryPods / (canaryPods + stablePods);
    }
  }

  /** Runs the update through every setWeight step with {@code specReplicas} replicas. */
  static List<Settled> replay(int specReplicas, List<Integer> stepWeights) {
    ReplicaSet stable = new ReplicaSet(specReplicas, specReplicas);
    ReplicaSet fresh = new ReplicaSet(0, 0);
    List<Settled> out = new ArrayList<>();
    for (int weight : stepWeights) {
      int fewestClient = Integer.MAX_VALUE;
      int fewestStable = Integer.MAX_VALUE;
      for (int reconcile = 0; reconcile < 50; reconcile++) {
        int[] counts = ArgoBasicCanary.calculate(specReplicas, weight, fresh, stable);
        boolean changed = counts[0] != fresh.spec || counts[1] != stable.spec;
        fresh.spec = counts[0];
        stable.spec = counts[1];
        // Removed pods leave the endpoints now; new pods are not ready yet.
        fresh.available = Math.min(fresh.available, fresh.spec);
        stable.available = Math.min(stable.available, stable.spec);
        fewestClient = Math.min(fewestClient, fresh.available + stable.available);
        fewestStable = Math.min(fewestStable, stable.available);
        // By the next reconcile every pod that should exist is ready.
        boolean pending = fresh.available != fresh.spec || stable.available != stable.spec;
        fresh.available = fresh.spec;
        stable.available = stable.spec;
        if (!changed && !pending) {
          break;
        }
      }
      out.add(
          new Settled(
              weight,
              fresh.available,
              stable.available,
              Math.min(fewestClient, fresh.available + stable.available),
              Math.min(fewestStable, stable.available)));
    }
    return out;
  }

  @Test
  void theShippedRolloutIsABasicCanaryWithTheClientServiceOutOfArgosHands() {
    assertThat(weights).containsExactly(20, 50, 100);
    assertThat(replicas).isEqualTo(1);
    assertThat(canary)
        .doesNotContainKeys(
            "trafficRouting", "stableService", "maxSurge", "maxUnavailable", "dynamicStableScale");
  }

  @Test
  void withOneReplicaTheCanaryServesHalfTheClientsThenAllAndTheServiceIsNeverEmpty() {
    assertThat(replay(replicas, weights))
        .containsExactly(
            new Settled(20, 1, 1, 1, 1), new Settled(50, 1, 1, 2, 1), new Settled(100, 1, 0, 1, 0));
  }

  @Test
  void withFiveReplicasTheSharesFollowTheWeights() {
    List<Settled> steps = replay(5, weights);
    assertThat(steps)
        .extracting(Settled::weight, Settled::canaryPods, Settled::stablePods)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(20, 1, 4),
            org.assertj.core.groups.Tuple.tuple(50, 3, 3),
            org.assertj.core.groups.Tuple.tuple(100, 5, 0));
    assertThat(steps)
        .allSatisfy(
            s -> assertThat(s.fewestClientEndpoints()).as("weight %d", s.weight()).isPositive());
    assertThat(steps).extracting(Settled::canaryShare).containsExactly(0.2, 0.5, 1.0);
  }

  @Test
  void withTenReplicasTheSharesMatchTheWeightsExactly() {
    List<Settled> steps = replay(10, weights);
    assertThat(steps)
        .extracting(Settled::canaryPods, Settled::stablePods)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2, 8),
            org.assertj.core.groups.Tuple.tuple(5, 5),
            org.assertj.core.groups.Tuple.tuple(10, 0));
    assertThat(steps).allSatisfy(s -> assertThat(s.fewestClientEndpoints()).isPositive());
  }

  @Test
  void aServicePinnedToTheStableReplicaSetIsEmptyFromSetWeight100On() {
    // What `stableService: param-kernel-service` did: the Service follows the stable pods only.
    for (int n : List.of(1, 5, 10)) {
      Settled full = replay(n, weights).get(2);
      assertThat(full.stablePods()).as("%d replicas", n).isZero();
      assertThat(full.fewestStableEndpoints()).as("%d replicas", n).isZero();
    }
  }

  /**
   * Rows of upstream's TestCalculateReplicaCountsForCanary (utils/replicaset/canary_test.go,
   * v1.9.1) that need nothing beyond the port (no older ReplicaSets, no setCanaryScale), with
   * maxSurge / maxUnavailable resolved to counts: replicas, weight, surge, unavailable, stable
   * spec, stable available, canary spec, canary available, expected stable, expected canary.
   */
  private static final int[][] UPSTREAM_CALCULATE_CASES = {
    {10, 100, 3, 0, 7, 8, 6, 3, 7, 6},
    {10, 20, 2, 0, 10, 10, 0, 0, 10, 2},
    {10, 20, 2, 0, 10, 10, 2, 2, 8, 2},
    {10, 30, 2, 0, 10, 10, 0, 0, 10, 2},
    {10, 20, 0, 2, 10, 10, 0, 0, 8, 0},
    {10, 30, 0, 2, 10, 10, 0, 0, 8, 0},
    {10, 50, 2, 1, 10, 10, 0, 0, 9, 2},
    {10, 0, 1, 1, 10, 10, 1, 1, 10, 0},
    {10, 100, 1, 1, 1, 1, 10, 10, 0, 10},
    {1, 20, 1, 0, 1, 1, 0, 0, 1, 1},
    {1, 90, 1, 0, 1, 1, 0, 0, 1, 1},
    {1, 49, 0, 1, 1, 1, 0, 0, 1, 0},
    {1, 51, 0, 1, 1, 1, 0, 0, 0, 0},
    {1, 51, 0, 1, 0, 0, 0, 0, 0, 1},
    {10, 30, 0, 3, 8, 5, 4, 4, 7, 3},
    {10, 100, 1, 0, 10, 2, 10, 8, 2, 9},
    {10, 5, 0, 1, 10, 10, 0, 0, 9, 0},
    {10, 5, 0, 1, 9, 9, 0, 0, 9, 1},
    {10, 10, 0, 1, 10, 10, 0, 0, 9, 0},
    {3, 99, 0, 2, 3, 3, 0, 0, 1, 0},
    {3, 99, 0, 2, 1, 1, 0, 0, 1, 2},
  };

  /**
   * Upstream's TestApproximateWeightedNewStableReplicaCounts (same file): replicas, weight,
   * maxSurge, expected canary, expected stable (maxWeight 100).
   */
  private static final int[][] UPSTREAM_APPROXIMATE_CASES = {
    {0, 0, 0, 0, 0},
    {0, 50, 0, 0, 0},
    {0, 100, 0, 0, 0},
    {0, 0, 1, 0, 0},
    {0, 50, 1, 0, 0},
    {0, 100, 1, 0, 0},
    {1, 0, 0, 0, 1},
    {1, 1, 0, 0, 1},
    {1, 49, 0, 0, 1},
    {1, 50, 0, 1, 0},
    {1, 99, 0, 1, 0},
    {1, 100, 0, 1, 0},
    {1, 0, 1, 0, 1},
    {1, 1, 1, 1, 1},
    {1, 49, 1, 1, 1},
    {1, 50, 1, 1, 1},
    {1, 99, 1, 1, 1},
    {1, 100, 1, 1, 0},
    {2, 0, 0, 0, 2},
    {2, 1, 0, 1, 1},
    {2, 50, 0, 1, 1},
    {2, 99, 0, 1, 1},
    {2, 100, 0, 2, 0},
    {2, 0, 1, 0, 2},
    {2, 1, 1, 1, 2},
    {2, 50, 1, 1, 1},
    {2, 99, 1, 2, 1},
    {2, 100, 1, 2, 0},
    {3, 10, 0, 1, 2},
    {3, 25, 0, 1, 2},
    {3, 33, 0, 1, 2},
    {3, 34, 0, 1, 2},
    {3, 49, 0, 1, 2},
    {3, 50, 0, 2, 1},
    {3, 10, 1, 1, 3},
    {3, 25, 1, 1, 3},
    {3, 33, 1, 1, 2},
    {3, 34, 1, 1, 2},
    {3, 49, 1, 2, 2},
    {3, 50, 1, 2, 2},
    {10, 0, 1, 0, 10},
    {10, 1, 0, 1, 9},
    {10, 14, 0, 1, 9},
    {10, 15, 0, 2, 8},
    {10, 16, 0, 2, 8},
    {10, 99, 0, 9, 1},
    {10, 100, 1, 10, 0},
    {10, 0, 1, 0, 10},
    {10, 1, 1, 1, 10},
    {10, 18, 1, 2, 9},
    {10, 19, 1, 2, 9},
    {10, 20, 1, 2, 8},
    {10, 23, 1, 2, 8},
    {10, 24, 1, 3, 8},
    {10, 25, 1, 3, 8},
    {10, 99, 1, 10, 1},
    {10, 100, 1, 10, 0},
  };

  @Test
  void thePortAgreesWithUpstreamsOwnTestTables() {
    for (int[] c : UPSTREAM_CALCULATE_CASES) {
      int[] got =
          ArgoBasicCanary.calculate(
              c[0],
              c[1],
              new ReplicaSet(c[6], c[7]),
              new ReplicaSet(c[4], c[5]),
              new ArgoBasicCanary.Fenceposts(c[2], c[3]));
      assertThat(got).as("calculate %s", java.util.Arrays.toString(c)).containsExactly(c[9], c[8]);
    }
    for (int[] c : UPSTREAM_APPROXIMATE_CASES) {
      assertThat(ArgoBasicCanary.approximate(c[0], c[1], 100, c[2]))
          .as("approximate %s", java.util.Arrays.toString(c))
          .containsExactly(c[3], c[4]);
    }
  }

  @Test
  void thePortMatchesUpstreamsOwnExamples() {
    // The examples in the comment above CalculateReplicaCountsForBasicCanary (canary.go, v1.9.1)
    // that use the default 25% fenceposts: replicas 1, weight 5 and 95 -> new 1, stable 1.
    assertThat(ArgoBasicCanary.calculate(1, 5, new ReplicaSet(0, 0), new ReplicaSet(1, 1)))
        .containsExactly(1, 1);
    assertThat(ArgoBasicCanary.calculate(1, 95, new ReplicaSet(0, 0), new ReplicaSet(1, 1)))
        .containsExactly(1, 1);
    // replicas 10, weight 10, maxSurge 1 / maxUnavailable 1 is not the default; the defaults for
    // 10 replicas are surge 3, unavailable 2.
    assertThat(ArgoBasicCanary.fenceposts(10)).isEqualTo(new ArgoBasicCanary.Fenceposts(3, 2));
    assertThat(ArgoBasicCanary.fenceposts(1)).isEqualTo(new ArgoBasicCanary.Fenceposts(1, 0));
    // approximateWeightedCanaryStableReplicaCounts: a tie rounds the canary up (3 replicas, 50%).
    assertThat(ArgoBasicCanary.approximate(3, 50, 100, 0)).containsExactly(2, 1);
  }
}
