package com.kitchencpq.paramkernel.plugin.validate.rules.hazard;

import static com.kitchencpq.paramkernel.plugin.validate.RuleTester.run;
import static com.kitchencpq.paramkernel.plugin.validate.RuleTester.runPlan;
import static com.kitchencpq.paramkernel.plugin.validate.RuleTester.summary;
import static org.assertj.core.api.Assertions.assertThat;

import com.kitchencpq.paramkernel.plugin.validate.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

/** hazard.stable-service-scaled-to-zero: argoproj/argo-rollouts#1760 as a general hazard. */
class StableServiceHazardTest {
  /**
   * The bundle's first traffic design: the client Service as stableService, no router, 100 % then a
   * pause.
   */
  static String rollout(String strategyExtra, String... steps) {
    StringBuilder sb =
        new StringBuilder(
            """
            apiVersion: argoproj.io/v1alpha1
            kind: Rollout
            metadata:
              name: param-kernel-service
            spec:
              selector:
                matchLabels: {app: p}
              template:
                metadata:
                  labels: {app: p}
                spec:
                  containers:
                    - name: c
                      image: x@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
              strategy:
                canary:
                  stableService: param-kernel-service
                  canaryService: param-kernel-service-canary
            """);
    sb.append(strategyExtra);
    sb.append("      steps:\n");
    for (String s : steps) {
      sb.append("        - ").append(s).append('\n');
    }
    return sb.toString();
  }

  private static final String[] OLD_STEPS = {
    "setWeight: 20",
    "pause: {duration: 5m}",
    "setWeight: 50",
    "pause: {duration: 10m}",
    "setWeight: 100",
    "pause: {duration: 5m}"
  };

  @Test
  void theOldBundleIsAWarningWithoutPlanChecksAndAnErrorWithThem() {
    String yaml = rollout("", OLD_STEPS);
    List<Finding> off = run(new StableServiceScaledToZeroRule(), yaml);
    assertThat(summary(off)).containsExactly("hazard.stable-service-scaled-to-zero@17:warning");
    assertThat(summary(runPlan(new StableServiceScaledToZeroRule(), yaml)))
        .containsExactly("hazard.stable-service-scaled-to-zero@17:error");
    Finding f = off.get(0);
    assertThat(f.column()).isEqualTo(22);
    assertThat(f.message())
        .contains("stableService 'param-kernel-service'")
        .contains("step 5 (setWeight: 100, line 24)")
        .contains("no endpoints")
        .contains("until the last step (6) ends")
        .contains("argoproj/argo-rollouts#1760")
        .contains(
            "not named by it (drop stableService), or add spec.strategy.canary.trafficRouting");
  }

  @Test
  void anyStepAfterTheFullWeightCounts() {
    assertThat(
            run(
                new StableServiceScaledToZeroRule(),
                rollout("", "setWeight: 100", "analysis: {templates: [{templateName: t}]}")))
        .hasSize(1);
    assertThat(
            run(
                new StableServiceScaledToZeroRule(),
                rollout("", "setWeight: \"100\"", "pause: {}")))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("until the last step (2) ends"));
    assertThat(
            run(
                new StableServiceScaledToZeroRule(),
                rollout("", "setWeight: 100", "pause: {}", "setWeight: 50", "pause: {}")))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("until step 3 lowers"));
  }

  @Test
  void fineWithARouterWithoutStableServiceOrWhenTheFullWeightEndsTheSteps() {
    assertThat(
            run(
                new StableServiceScaledToZeroRule(),
                rollout(
                    """
                          trafficRouting:
                            smi: {}
                    """,
                    OLD_STEPS)))
        .isEmpty();
    assertThat(
            run(
                new StableServiceScaledToZeroRule(),
                rollout("", OLD_STEPS).replace("      stableService: param-kernel-service\n", "")))
        .isEmpty();
    assertThat(
            run(
                new StableServiceScaledToZeroRule(),
                rollout("", "setWeight: 20", "pause: {}", "setWeight: 100")))
        .isEmpty();
    assertThat(
            run(
                new StableServiceScaledToZeroRule(),
                rollout("", "setWeight: 100", "setWeight: 50", "pause: {}")))
        .isEmpty();
  }
}
