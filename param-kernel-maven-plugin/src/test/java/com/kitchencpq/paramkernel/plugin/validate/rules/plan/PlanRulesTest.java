package com.kitchencpq.paramkernel.plugin.validate.rules.plan;

import static com.kitchencpq.paramkernel.plugin.validate.RuleTester.run;
import static com.kitchencpq.paramkernel.plugin.validate.RuleTester.runPlan;
import static com.kitchencpq.paramkernel.plugin.validate.RuleTester.summary;
import static org.assertj.core.api.Assertions.assertThat;

import com.kitchencpq.paramkernel.plugin.validate.Finding;
import com.kitchencpq.paramkernel.plugin.validate.SourceText;
import com.kitchencpq.paramkernel.plugin.validate.ValidationOptions;
import com.kitchencpq.paramkernel.plugin.validate.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plan rules against a bundle that follows the plan (plan-bundle.yaml) and against copies with
 * one number changed.
 */
class PlanRulesTest {
  private static String bundle;

  @BeforeAll
  static void load() throws IOException {
    try (InputStream in = PlanRulesTest.class.getResourceAsStream("plan-bundle.yaml")) {
      bundle = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The bundle with {@code from} (which must occur exactly once) replaced. */
  private static String with(String from, String to) {
    assertThat(bundle.indexOf(from)).as(from).isNotNegative().isEqualTo(bundle.lastIndexOf(from));
    return bundle.replace(from, to);
  }

  /** 1-based line of the first occurrence of {@code text} in {@code yaml}. */
  private static int line(String yaml, String text) {
    int at = yaml.indexOf(text);
    assertThat(at).as(text).isNotNegative();
    return (int) yaml.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
  }

  @Test
  void thePlansOwnBundleIsCleanUnderEveryRule() {
    List<Finding> all =
        new Validator()
            .validateSources(
                List.of(new SourceText("plan.yaml", bundle)), ValidationOptions.of(true))
            .findings();
    assertThat(all).isEmpty();
  }

  @Test
  void planRulesAreSilentWithoutPlanChecks() {
    String broken = with("setWeight: 20", "setWeight: 30");
    assertThat(run(new CanaryStepsRule(), broken)).isEmpty();
    assertThat(run(new RolloutRule(), "kind: ConfigMap\n")).isEmpty();
  }

  @Test
  void missingPlanRolloutIsAnError() {
    String other =
        bundle.replaceFirst("  name: param-kernel-service\n", "  name: something-else\n");
    assertThat(summary(runPlan(new RolloutRule(), other))).containsExactly("plan.rollout@1:error");
    assertThat(runPlan(new RolloutRule(), bundle)).isEmpty();
  }

  @Test
  void rolloutInAnotherNamespaceIsAnError() {
    String yaml = bundle.replaceFirst("  namespace: kitchen-cpq", "  namespace: default");
    List<Finding> f = runPlan(new RolloutRule(), yaml);
    assertThat(summary(f)).containsExactly("plan.rollout@5:error");
    assertThat(f.get(0).message()).contains("'kitchen-cpq'");
  }

  @Test
  void pauseIsComparedAsADuration() {
    assertThat(
            runPlan(
                new CanaryStepsRule(), with("pause: {duration: 600}", "pause: {duration: 10m}")))
        .isEmpty();
    String yaml = with("pause: {duration: 600}", "pause: {duration: 9m}");
    List<Finding> f = runPlan(new CanaryStepsRule(), yaml);
    assertThat(summary(f))
        .containsExactly("plan.canary-steps@" + line(yaml, "- pause: {duration: 9m}") + ":error");
    assertThat(f.get(0).message())
        .contains("step 5")
        .contains("pauses for 9m")
        .contains("duration: 10m");
  }

  @Test
  void wrongWeightMissingAndExtraStepsAreErrors() {
    String yaml = with("- setWeight: 50", "- setWeight: 40");
    assertThat(summary(runPlan(new CanaryStepsRule(), yaml)))
        .containsExactly("plan.canary-steps@" + line(yaml, "- setWeight: 40") + ":error");
    String shorter = with("        - setWeight: 100\n        - pause: {duration: 300s}\n", "");
    List<Finding> f = runPlan(new CanaryStepsRule(), shorter);
    assertThat(summary(f))
        .containsExactly("plan.canary-steps@" + line(shorter, "- setWeight: 20") + ":error");
    assertThat(f.get(0).message()).contains("setWeight: 100, pause: {duration: 5m}");
    String longer =
        with("- pause: {duration: 300s}\n", "- pause: {duration: 300s}\n        - pause: {}\n");
    assertThat(summary(runPlan(new CanaryStepsRule(), longer)))
        .containsExactly("plan.canary-steps@" + line(longer, "- pause: {}") + ":error");
  }

  @Test
  void analysisStepsRunThePlansTemplate() {
    String yaml =
        bundle.replaceFirst("templateName: param-kernel-canary-health", "templateName: smoke");
    List<Finding> f = runPlan(new AnalysisTemplateRule(), yaml);
    assertThat(summary(f))
        .containsExactly(
            "plan.analysis-template@"
                + line(yaml, "templates:\n              - templateName: smoke")
                + ":error");
    assertThat(f.get(0).message()).contains("'param-kernel-canary-health'");
  }

  @Test
  void servicesAreThePlans() {
    String yaml = with("canaryService: param-kernel-service-canary", "canaryService: pk-canary");
    List<Finding> f = runPlan(new ServicesRule(), yaml);
    assertThat(summary(f))
        .containsExactly("plan.services@" + line(yaml, "canaryService: pk-canary") + ":error");
    assertThat(f.get(0).message()).contains("'param-kernel-service-canary'");
  }

  @Test
  void theClientServiceAsStableServiceWithoutARouterIsAnErrorThatSaysWhy() {
    String yaml =
        with(
            "      canaryService: param-kernel-service-canary\n",
            "      stableService: param-kernel-service\n"
                + "      canaryService: param-kernel-service-canary\n");
    List<Finding> f = runPlan(new ServicesRule(), yaml);
    assertThat(summary(f))
        .containsExactly(
            "plan.services@" + line(yaml, "stableService: param-kernel-service") + ":error");
    assertThat(f.get(0).message())
        .contains(
            "'param-kernel-service'",
            "no traffic router",
            "no endpoints",
            "argoproj/argo-rollouts#1760",
            "Remove stableService");
  }

  @Test
  void withATrafficRouterTheClientServiceMayBeTheStableService() {
    String yaml =
        with(
            "      canaryService: param-kernel-service-canary\n",
            "      stableService: param-kernel-service\n"
                + "      canaryService: param-kernel-service-canary\n"
                + "      trafficRouting:\n"
                + "        smi: {}\n");
    assertThat(runPlan(new ServicesRule(), yaml)).isEmpty();
  }

  @Test
  void theClientServiceMustSelectEveryPodOfTheRollout() {
    String pinned =
        with(
            "  selector:\n"
                + "    app: param-kernel-service\n"
                + "  ports:\n"
                + "    - port: 80\n"
                + "      targetPort: 8080\n"
                + "---\n"
                + "apiVersion: v1\n"
                + "kind: Service\n"
                + "metadata:\n"
                + "  name: param-kernel-service-canary",
            "  selector:\n"
                + "    app: param-kernel-service\n"
                + "    rollouts-pod-template-hash: abc123\n"
                + "  ports:\n"
                + "    - port: 80\n"
                + "      targetPort: 8080\n"
                + "---\n"
                + "apiVersion: v1\n"
                + "kind: Service\n"
                + "metadata:\n"
                + "  name: param-kernel-service-canary");
    List<Finding> f = runPlan(new ServicesRule(), pinned);
    assertThat(summary(f))
        .containsExactly(
            "plan.services@" + line(pinned, "rollouts-pod-template-hash: abc123") + ":error");
    assertThat(f.get(0).message()).contains("only one version");

    String other =
        with(
            "  selector:\n"
                + "    app: param-kernel-service\n"
                + "  ports:\n"
                + "    - port: 80\n"
                + "      targetPort: 8080\n"
                + "---\n"
                + "apiVersion: v1\n"
                + "kind: Service\n"
                + "metadata:\n"
                + "  name: param-kernel-service-canary",
            "  selector:\n"
                + "    app: something-else\n"
                + "  ports:\n"
                + "    - port: 80\n"
                + "      targetPort: 8080\n"
                + "---\n"
                + "apiVersion: v1\n"
                + "kind: Service\n"
                + "metadata:\n"
                + "  name: param-kernel-service-canary");
    assertThat(summary(runPlan(new ServicesRule(), other)))
        .containsExactly("plan.services@" + line(other, "app: something-else") + ":error");

    int clientStart =
        bundle.indexOf(
            "---\napiVersion: v1\nkind: Service\nmetadata:\n  name: param-kernel-service\n");
    int clientEnd = bundle.indexOf("---", clientStart + 3);
    String missing = bundle.substring(0, clientStart) + bundle.substring(clientEnd);
    List<Finding> m = runPlan(new ServicesRule(), missing);
    assertThat(summary(m)).containsExactly("plan.services@4:error");
    assertThat(m.get(0).message())
        .contains("client Service 'param-kernel-service' is not in the validated files");
  }

  @Test
  void missingOrMismatchedPlanServicesAreErrorsThroughTheReferenceRules() {
    int canarySvc = bundle.indexOf("kind: Service\nmetadata:\n  name: param-kernel-service-canary");
    String withoutCanary =
        bundle.substring(0, canarySvc - "---\napiVersion: v1\n".length())
            + bundle.substring(
                bundle.indexOf("---\napiVersion: argoproj.io/v1alpha1\nkind: AnalysisTemplate"));
    List<Finding> missing =
        new Validator()
            .validateSources(
                List.of(new SourceText("plan.yaml", withoutCanary)), ValidationOptions.of(true))
            .findings();
    assertThat(summary(missing))
        .containsExactly(
            "ref.service-missing@"
                + line(withoutCanary, "canaryService: param-kernel-service-canary")
                + ":error");
    String otherSelector =
        bundle.replace(
            "  selector:\n    app: param-kernel-service\n  ports:\n    - port: 80\n"
                + "      targetPort: 8080\n---\napiVersion: argoproj.io",
            "  selector:\n    app: other\n  ports:\n"
                + "    - port: 80\n      targetPort: 8080\n---\napiVersion: argoproj.io");
    List<Finding> selector =
        new Validator()
            .validateSources(
                List.of(new SourceText("plan.yaml", otherSelector)), ValidationOptions.of(true))
            .findings();
    assertThat(summary(selector))
        .containsExactly(
            "ref.service-selector@"
                + line(otherSelector, "canaryService: param-kernel-service-canary")
                + ":error");
  }

  @Test
  void otherReplicaCountIsOnlyAWarning() {
    String yaml = with("replicas: 1", "replicas: 3");
    assertThat(summary(runPlan(new ReplicasRule(), yaml)))
        .containsExactly("plan.replicas@" + line(yaml, "replicas: 3") + ":warning");
    assertThat(runPlan(new ReplicasRule(), with("  replicas: 1\n", ""))).isEmpty();
  }

  @Test
  void errorRateThresholdsAreComparedAsNumbers() {
    String yaml = with("result[0] < 0.01\n", "result[0] < 0.02\n");
    List<Finding> f = runPlan(new ErrorRateMetricRule(), yaml);
    assertThat(summary(f))
        .containsExactly("plan.error-rate-metric@" + line(yaml, "result[0] < 0.02") + ":error");
    assertThat(f.get(0).message()).contains("tests < 0.02").contains("result[0] < 0.01");
    assertThat(
            runPlan(new ErrorRateMetricRule(), with("result[0] < 0.01\n", "result[0] < 0.010\n")))
        .isEmpty();
  }

  @Test
  void errorRateQueryNeedsFiltersAndTheWindow() {
    String yaml = bundle.replace("[1m])) or vector(0))", "[5m])) or vector(0))");
    List<Finding> f = runPlan(new ErrorRateMetricRule(), yaml);
    assertThat(summary(f))
        .containsExactly("plan.error-rate-metric@" + line(yaml, "query: |") + ":error");
    assertThat(f.get(0).message()).contains("[5m]").contains("[1m]");
    String unfiltered =
        bundle.replace(
            "namespace=\"{{args.namespace}}\",route=\"/v1/apply-delta\",code",
            "route=\"/v1/apply-delta\",code");
    assertThat(runPlan(new ErrorRateMetricRule(), unfiltered))
        .extracting(Finding::message)
        .singleElement()
        .asString()
        .contains("without a namespace filter");
  }

  @Test
  void latencyThresholdsAndQuantileAreThePlans() {
    String yaml = with("result[0] > 0.06", "result[0] > 0.08");
    List<Finding> f = runPlan(new LatencyMetricRule(), yaml);
    assertThat(summary(f))
        .containsExactly("plan.latency-metric@" + line(yaml, "result[0] > 0.08") + ":error");
    assertThat(f.get(0).message()).contains("result[0] > 0.06");
    String p99 = with("histogram_quantile(0.95,\n", "histogram_quantile(0.99,\n");
    assertThat(summary(runPlan(new LatencyMetricRule(), p99)))
        .containsExactly(
            "plan.latency-metric@" + (line(p99, "histogram_quantile(0.99") - 1) + ":error");
  }

  @Test
  void thresholdsFromArgsAreResolved() {
    String yaml =
        with("result[0] < 0.030\n", "result[0] < {{args.p95-ok}}\n")
            .replace(
                "    - name: namespace\n      value: kitchen-cpq\n",
                "    - name: namespace\n"
                    + "      value: kitchen-cpq\n"
                    + "    - name: p95-ok\n"
                    + "      value: \"0.03\"\n");
    assertThat(runPlan(new LatencyMetricRule(), yaml)).isEmpty();
  }

  @Test
  void healthMetricsNeedFailureLimitOneAndACountThatCanFail() {
    String yaml =
        bundle.replaceFirst(
            "interval: 1m\n      count: 5\n      failureLimit: 1\n", "failureLimit: 1\n");
    List<Finding> f = runPlan(new MetricLimitsRule(), yaml);
    assertThat(summary(f))
        .containsExactly("plan.metric-limits@" + line(yaml, "- name: error-rate") + ":error");
    assertThat(f.get(0).message()).contains("single measurement").contains("count >= 2");
    String limit = bundle.replaceFirst("failureLimit: 1", "failureLimit: 2");
    assertThat(summary(runPlan(new MetricLimitsRule(), limit)))
        .containsExactly("plan.metric-limits@" + line(limit, "failureLimit: 2") + ":error");
  }

  @Test
  void imageIsThePlansRepositoryByDigest() {
    String yaml = bundle.replaceAll("image: .*", "image: kitchen-cpq/param-kernel-service:1.2.0");
    List<Finding> f = runPlan(new ImageRule(), yaml);
    assertThat(summary(f)).containsExactly("plan.image@" + line(yaml, "image:") + ":error");
    assertThat(f.get(0).message())
        .contains("kitchen-cpq/param-kernel-service@sha256:<64 hex digits>");
    assertThat(
            runPlan(
                new ImageRule(),
                bundle.replaceAll(
                    "image: .*",
                    "image: kitchen-cpq/param-kernel-service@\\${PARAM_KERNEL_IMAGE_DIGEST}")))
        .isEmpty();
    assertThat(
            runPlan(
                new ImageRule(),
                bundle.replace("image: kitchen-cpq/", "image: 127.0.0.1:5000/kitchen-cpq/")))
        .isEmpty();
  }
}
