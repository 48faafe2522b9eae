package com.kitchencpq.paramkernel.plugin.validate.rules.rollout;

import static com.kitchencpq.paramkernel.plugin.validate.RuleTester.run;
import static com.kitchencpq.paramkernel.plugin.validate.RuleTester.summary;
import static org.assertj.core.api.Assertions.assertThat;

import com.kitchencpq.paramkernel.plugin.validate.rules.bluegreen.ScaleDownRevisionLimitRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.bluegreen.ServicesDistinctRule;
import org.junit.jupiter.api.Test;

class RolloutRulesTest {
  static final String R =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: Rollout
      metadata:
        name: r
      spec:
        replicas: 2
        minReadySeconds: 10
        progressDeadlineSeconds: 60
        selector:
          matchLabels: {app: r}
          matchExpressions:
            - {key: tier, operator: In, values: [web]}
        template:
          metadata:
            labels: {app: r, tier: web}
        strategy:
          blueGreen:
            activeService: active
            previewService: preview
            scaleDownDelayRevisionLimit: 2
            antiAffinity:
              preferredDuringSchedulingIgnoredDuringExecution: {weight: 50}
      """;

  @Test
  void nonNegative() {
    assertThat(run(new NonNegativeRule(), R)).isEmpty();
    assertThat(summary(run(new NonNegativeRule(), R.replace("replicas: 2", "replicas: -2"))))
        .containsExactly("rollout.non-negative@6:error");
  }

  @Test
  void progressDeadline() {
    assertThat(run(new ProgressDeadlineRule(), R)).isEmpty();
    assertThat(
            summary(
                run(
                    new ProgressDeadlineRule(),
                    R.replace("minReadySeconds: 10", "minReadySeconds: 60"))))
        .containsExactly("rollout.progress-deadline@8:error");
    assertThat(
            summary(
                run(
                    new ProgressDeadlineRule(),
                    R.replace("  progressDeadlineSeconds: 60\n", "")
                        .replace("minReadySeconds: 10", "minReadySeconds: 600"))))
        .containsExactly("rollout.progress-deadline@7:error");
  }

  @Test
  void selector() {
    assertThat(run(new SelectorRule(), R)).isEmpty();
    assertThat(
            summary(
                run(
                    new SelectorRule(),
                    R.replace("operator: In, values: [web]", "operator: Exists, values: [web]"))))
        .containsExactly("rollout.selector@12:error");
    assertThat(
            summary(
                run(
                    new SelectorRule(),
                    R.replace("matchLabels: {app: r}", "matchLabels: {}")
                        .replace(
                            "    matchExpressions:\n"
                                + "      - {key: tier, operator: In, values: [web]}\n",
                            ""))))
        .containsExactly("rollout.selector@10:error");
  }

  @Test
  void selectorMatchesTemplate() {
    assertThat(run(new SelectorMatchesLabelsRule(), R)).isEmpty();
    assertThat(summary(run(new SelectorMatchesLabelsRule(), R.replace("tier: web}", "tier: api}"))))
        .containsExactly("rollout.selector-matches-labels@15:error");
  }

  @Test
  void workloadRefTemplate() {
    String ref =
        R.replace(
            "  template:",
            "  workloadRef: {apiVersion: apps/v1, kind: Deployment, name: d}\n  template:");
    assertThat(run(new WorkloadRefTemplateRule(), R)).isEmpty();
    assertThat(summary(run(new WorkloadRefTemplateRule(), ref)))
        .containsExactly("rollout.workload-ref-template@14:error");
  }

  @Test
  void strategy() {
    assertThat(run(new StrategyRule(), R)).isEmpty();
    assertThat(
            summary(
                run(
                    new StrategyRule(),
                    R.replace("  strategy:\n", "  strategy:\n    canary: {}\n"))))
        .containsExactly("rollout.strategy@17:error");
    assertThat(summary(run(new StrategyRule(), R.substring(0, R.indexOf("  strategy:")))))
        .containsExactly("rollout.strategy@6:error");
  }

  @Test
  void antiAffinity() {
    assertThat(run(new AntiAffinityRule(), R)).isEmpty();
    assertThat(summary(run(new AntiAffinityRule(), R.replace("weight: 50", "weight: 500"))))
        .containsExactly("rollout.anti-affinity@22:error");
    assertThat(
            summary(
                run(
                    new AntiAffinityRule(),
                    R.replace(
                        "{weight: 50}",
                        "{weight: 50}\n"
                            + "        requiredDuringSchedulingIgnoredDuringExecution: {}"))))
        .containsExactly("rollout.anti-affinity@22:error");
  }

  @Test
  void blueGreenServices() {
    assertThat(run(new ServicesDistinctRule(), R)).isEmpty();
    assertThat(
            summary(
                run(
                    new ServicesDistinctRule(),
                    R.replace("previewService: preview", "previewService: active"))))
        .containsExactly("bluegreen.services-distinct@18:error");
  }

  @Test
  void blueGreenScaleDownLimit() {
    assertThat(run(new ScaleDownRevisionLimitRule(), R)).isEmpty();
    assertThat(
            summary(
                run(
                    new ScaleDownRevisionLimitRule(),
                    R.replace(
                        "scaleDownDelayRevisionLimit: 2", "scaleDownDelayRevisionLimit: 11"))))
        .containsExactly("bluegreen.scale-down-revision-limit@20:error");
  }
}
