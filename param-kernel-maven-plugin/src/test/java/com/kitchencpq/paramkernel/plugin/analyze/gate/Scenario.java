package com.kitchencpq.paramkernel.plugin.analyze.gate;

import java.time.Duration;
import java.util.Set;

/**
 * One row of the gate-efficacy table: a canary pod and a stable pod of the real service (with
 * test-only faults), the client traffic they share, and the verdicts the shipped analysis may
 * reach. Each scenario lives in a namespace of its own ({@code gate-<name>}), which is how the
 * analysis queries (they filter on namespace) keep the scenarios apart in one Prometheus.
 *
 * @param name short id, also the namespace suffix
 * @param what the row's text in the table
 * @param canary what is done to the canary pod
 * @param stable what is done to the stable pod
 * @param apiRatePerSecond client requests per second over both pods (0: probes and scrapes only)
 * @param stableGetsTraffic false: the client requests reach the canary pod only
 * @param stopCanaryAfter stop the canary pod this long after the start (null: never)
 * @param prometheusUnreachable the analysis is pointed at an address where nothing listens
 * @param expected the acceptable run phases
 */
record Scenario(
    String name,
    String what,
    FaultProfile canary,
    FaultProfile stable,
    double apiRatePerSecond,
    boolean stableGetsTraffic,
    Duration stopCanaryAfter,
    boolean prometheusUnreachable,
    Set<String> expected) {

  String namespace() {
    return "gate-" + name;
  }

  static Scenario of(
      String name, String what, FaultProfile canary, double rate, String... expected) {
    return new Scenario(
        name, what, canary, FaultProfile.HEALTHY, rate, true, null, false, Set.of(expected));
  }

  Scenario withStable(FaultProfile profile) {
    return new Scenario(
        name,
        what,
        canary,
        profile,
        apiRatePerSecond,
        stableGetsTraffic,
        stopCanaryAfter,
        prometheusUnreachable,
        expected);
  }

  Scenario withoutStableTraffic() {
    return new Scenario(
        name,
        what,
        canary,
        stable,
        apiRatePerSecond,
        false,
        stopCanaryAfter,
        prometheusUnreachable,
        expected);
  }

  Scenario stoppingCanaryAfter(Duration d) {
    return new Scenario(
        name,
        what,
        canary,
        stable,
        apiRatePerSecond,
        stableGetsTraffic,
        d,
        prometheusUnreachable,
        expected);
  }

  Scenario withPrometheusUnreachable() {
    return new Scenario(
        name,
        what,
        canary,
        stable,
        apiRatePerSecond,
        stableGetsTraffic,
        stopCanaryAfter,
        true,
        expected);
  }
}
