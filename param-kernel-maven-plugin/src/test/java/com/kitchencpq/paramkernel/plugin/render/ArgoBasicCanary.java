package com.kitchencpq.paramkernel.plugin.render;

/**
 * Argo Rollouts' replica arithmetic for a canary without traffic routing, ported line by line for
 * tests from argoproj/argo-rollouts v1.9.1 (the same functions in v1.7.2 and v1.8.3, apart from the
 * dynamic-stable-scale arguments of GetCanaryReplicasOrWeight):
 *
 * <ul>
 *   <li>{@link #calculate}: {@code utils/replicaset/canary.go}, {@code
 *       CalculateReplicaCountsForBasicCanary}, with {@code calculateScaleDownReplicaCount} and
 *       {@code adjustReplicaWithinLimits};
 *   <li>{@link #approximate}: {@code approximateWeightedCanaryStableReplicaCounts} with {@code
 *       floorCeilingTied} and {@code weightDelta} (same file);
 *   <li>{@link #fenceposts}: {@code utils/replicaset/replicaset.go}, {@code resolveFenceposts}
 *       (maxSurge rounded up, maxUnavailable rounded down, both default "25%" from {@code
 *       utils/defaults/defaults.go}; both zero makes maxUnavailable 1);
 *   <li>{@link #scaleDownCandidates}: {@code GetReplicasForScaleDown} (canary.go).
 * </ul>
 *
 * Only what the shipped bundle uses is ported: no setCanaryScale, no dynamicStableScale, no older
 * ReplicaSets than stable, maxTrafficWeight 100.
 */
final class ArgoBasicCanary {
  /** One ReplicaSet: its desired replicas ({@code spec.replicas}) and its available pods. */
  static final class ReplicaSet {
    int spec;
    int available;

    ReplicaSet(int spec, int available) {
      this.spec = spec;
      this.available = available;
    }
  }

  /** maxSurge and maxUnavailable as counts. */
  record Fenceposts(int maxSurge, int maxUnavailable) {}

  static final int MAX_WEIGHT = 100;

  private ArgoBasicCanary() {}

  /** resolveFenceposts with the default 25% / 25%. */
  static Fenceposts fenceposts(int replicas) {
    int surge = (int) Math.ceil(replicas * 25 / 100.0);
    int unavailable = (int) Math.floor(replicas * 25 / 100.0);
    if (surge == 0 && unavailable == 0) {
      unavailable = 1;
    }
    return new Fenceposts(surge, Math.min(unavailable, replicas));
  }

  /**
   * approximateWeightedCanaryStableReplicaCounts: {canary, stable} replicas closest to the weight.
   */
  static int[] approximate(int specReplicas, int desiredWeight, int maxWeight, int maxSurge) {
    if (specReplicas == 0) {
      return new int[] {0, 0};
    }
    int ceil = (int) Math.ceil((double) (specReplicas * desiredWeight) / maxWeight);
    int floor = (int) Math.floor((double) (specReplicas * desiredWeight) / maxWeight);
    boolean tied = tied(desiredWeight, maxWeight, specReplicas);
    boolean zeroAllowed =
        desiredWeight == maxWeight || desiredWeight == 0 || (specReplicas == 1 && maxSurge == 0);
    java.util.List<int[]> options = new java.util.ArrayList<>();
    if (ceil < specReplicas || zeroAllowed) {
      options.add(new int[] {ceil, specReplicas});
    }
    if (!tied && (floor != 0 || zeroAllowed)) {
      options.add(new int[] {floor, specReplicas});
    }
    if (maxSurge > 0) {
      options.add(new int[] {ceil, specReplicas + 1});
      boolean surgeTied = tied(desiredWeight, maxWeight, specReplicas + 1);
      if (!surgeTied && (floor != 0 || zeroAllowed)) {
        options.add(new int[] {floor, specReplicas + 1});
      }
    }
    if (options.isEmpty()) {
      return new int[] {0, specReplicas};
    }
    int[] best = options.get(0);
    double bestDelta = delta(desiredWeight, maxWeight, best[0], best[1]);
    for (int i = 1; i < options.size(); i++) {
      double d = delta(desiredWeight, maxWeight, options.get(i)[0], options.get(i)[1]);
      if (d < bestDelta) {
        best = options.get(i);
        bestDelta = d;
      }
    }
    return new int[] {best[0], best[1] - best[0]};
  }

  private static boolean tied(int desiredWeight, int maxWeight, int totalReplicas) {
    double v = totalReplicas * ((double) desiredWeight / maxWeight);
    return v - Math.floor(v) == 0.5;
  }

  private static double delta(int desiredWeight, int maxWeight, int canary, int total) {
    return Math.abs((double) (canary * maxWeight) / total - desiredWeight);
  }

  /** GetReplicasForScaleDown. */
  static int scaleDownCandidates(ReplicaSet rs, boolean ignoreAvailability) {
    if (rs == null) {
      return 0;
    }
    if (rs.spec < rs.available) {
      return rs.spec;
    }
    return ignoreAvailability ? rs.spec : rs.available;
  }

  /**
   * CalculateReplicaCountsForBasicCanary for a new (canary) and a distinct stable ReplicaSet and no
   * older ones: returns {new, stable} desired replicas for this reconcile.
   */
  static int[] calculate(
      int specReplicas, int desiredWeight, ReplicaSet newRs, ReplicaSet stableRs) {
    return calculate(specReplicas, desiredWeight, newRs, stableRs, fenceposts(specReplicas));
  }

  /** As above with maxSurge and maxUnavailable already resolved to counts. */
  static int[] calculate(
      int specReplicas, int desiredWeight, ReplicaSet newRs, ReplicaSet stableRs, Fenceposts f) {
    int[] desired = approximate(specReplicas, desiredWeight, MAX_WEIGHT, f.maxSurge());
    int desiredNew = desired[0];
    int desiredStable = desired[1];
    int newCount = newRs.spec;
    int stableCount = stableRs.spec;
    int maxAllowed = specReplicas + f.maxSurge();
    int scaleUp = maxAllowed - (newRs.spec + stableRs.spec);

    if (stableRs.spec < desiredStable && scaleUp > 0) {
      if (stableRs.spec + scaleUp < desiredStable) {
        stableCount = stableRs.spec + scaleUp;
        scaleUp = 0;
      } else {
        stableCount = desiredStable;
        scaleUp -= desiredStable - stableRs.spec;
      }
    }
    if (newRs.spec < desiredNew && scaleUp > 0) {
      newCount = newRs.spec + scaleUp < desiredNew ? newRs.spec + scaleUp : desiredNew;
    }

    int minAvailable = specReplicas - f.maxUnavailable();
    boolean increasing = desiredNew >= newRs.spec;
    int toScaleDown =
        scaleDownCandidates(newRs, !increasing) + scaleDownCandidates(stableRs, increasing);
    if (toScaleDown <= minAvailable) {
      return new int[] {newCount, stableCount};
    }
    int scaleDown = toScaleDown - minAvailable;
    if (!increasing) {
      newCount = scaleDownCount(newRs, desiredNew, scaleDown, newCount);
      int[] adjusted =
          adjustWithinLimits(newRs, stableRs, newCount, stableCount, maxAllowed, minAvailable);
      newCount = adjusted[0];
      stableCount = adjusted[1];
    } else {
      stableCount = scaleDownCount(stableRs, desiredStable, scaleDown, stableCount);
      int[] adjusted =
          adjustWithinLimits(stableRs, newRs, stableCount, newCount, maxAllowed, minAvailable);
      stableCount = adjusted[0];
      newCount = adjusted[1];
    }
    return new int[] {newCount, stableCount};
  }

  /** calculateScaleDownReplicaCount. */
  private static int scaleDownCount(ReplicaSet drain, int desired, int scaleDown, int drainCount) {
    if (drain != null && drain.spec > desired) {
      return Math.max(desired, drain.spec - scaleDown);
    }
    return drainCount;
  }

  /** adjustReplicaWithinLimits: returns {drainCount, adjustCount}. */
  private static int[] adjustWithinLimits(
      ReplicaSet drain,
      ReplicaSet adjust,
      int drainCount,
      int adjustCount,
      int maxAllowed,
      int minAvailable) {
    int overTheLimit = Math.max(0, adjustCount + drainCount - maxAllowed);
    int totalAvailable = Math.min(drain.available, drainCount);
    adjustCount -= overTheLimit;
    totalAvailable += Math.min(adjust.available, adjustCount);
    int extraAvailable = Math.max(0, adjust.available - adjustCount);
    int moreNeeded = Math.max(0, minAvailable - totalAvailable);
    adjustCount += Math.min(extraAvailable, moreNeeded);
    overTheLimit = Math.max(0, adjustCount + drainCount - maxAllowed);
    drainCount -= overTheLimit;
    return new int[] {drainCount, adjustCount};
  }
}
