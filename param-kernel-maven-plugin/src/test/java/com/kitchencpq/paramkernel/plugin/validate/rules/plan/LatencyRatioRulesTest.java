package com.kitchencpq.paramkernel.plugin.validate.rules.plan;

import static com.kitchencpq.paramkernel.plugin.validate.RuleTester.runPlan;
import static com.kitchencpq.paramkernel.plugin.validate.RuleTester.summary;
import static org.assertj.core.api.Assertions.assertThat;

import com.kitchencpq.paramkernel.plugin.render.Template;
import com.kitchencpq.paramkernel.plugin.render.TemplateRenderer;
import com.kitchencpq.paramkernel.plugin.validate.Finding;
import com.kitchencpq.paramkernel.plugin.validate.Severity;
import com.kitchencpq.paramkernel.plugin.validate.SourceText;
import com.kitchencpq.paramkernel.plugin.validate.ValidationOptions;
import com.kitchencpq.paramkernel.plugin.validate.Validator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plan's third health metric, latency-p95-vs-stable, checked on the shipped bundle (the
 * service's rollout.yaml rendered by the render goal's renderer) and on copies of it with one thing
 * changed. The copies that make the ratio compare the canary with itself must fail validate with
 * plan checks on.
 */
class LatencyRatioRulesTest {
  private static final String DIGEST = "sha256:" + "0123456789abcdef".repeat(4);
  private static final String CANARY_HASH = "rollouts_pod_template_hash=\"{{args.latest-hash}}\"";
  private static final String STABLE_HASH = "rollouts_pod_template_hash=\"{{args.stable-hash}}\"";
  private static final String STABLE_ARG =
      "              - name: stable-hash\n"
          + "                valueFrom:\n                  podTemplateHashValue: Stable\n";
  private static String bundle;

  @BeforeAll
  static void render() throws Exception {
    bundle = new TemplateRenderer().render(Template.embeddedDefault(), DIGEST, List.of()).text();
  }

  private static List<Finding> validate(String yaml) {
    return new Validator()
        .validateSources(List.of(new SourceText("rollout.yaml", yaml)), ValidationOptions.of(true))
        .findings();
  }

  private static List<Finding> errors(String yaml) {
    return validate(yaml).stream().filter(f -> f.severity() == Severity.ERROR).toList();
  }

  private static int line(String yaml, String text) {
    int at = yaml.indexOf(text);
    assertThat(at).as(text).isNotNegative();
    return (int) yaml.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
  }

  /** The line of the ratio metric's query text {@code query: |}. */
  private static int ratioQueryLine(String yaml) {
    int at = yaml.indexOf("query: |", yaml.indexOf("- name: latency-p95-vs-stable"));
    return (int) yaml.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
  }

  @Test
  void theShippedBundleIsCleanWithPlanChecks() {
    assertThat(validate(bundle)).isEmpty();
    for (var rule :
        List.of(
            new LatencyRatioMetricRule(),
            new LatencyRatioSidesRule(),
            new LatencyRatioArgsRule(),
            new MetricLimitsRule(),
            new LatencyMetricRule())) {
      assertThat(runPlan(rule, bundle)).as(rule.id()).isEmpty();
    }
  }

  @Test
  void stableHashFilledWithLatestComparesTheCanaryWithItselfAndFails() {
    String yaml = bundle.replaceFirst(STABLE_ARG, STABLE_ARG.replace("Stable", "Latest"));
    List<Finding> f = runPlan(new LatencyRatioArgsRule(), yaml);
    int at = line(yaml, "podTemplateHashValue: Latest\n              - name: stable-hash") + 3;
    assertThat(summary(f)).containsExactly("plan.latency-ratio-args@" + at + ":error");
    assertThat(f.get(0).message())
        .contains(
            "analysis step 3",
            "'stable-hash'",
            "podTemplateHashValue: Latest",
            "ratio would be 1 whatever the canary does",
            "podTemplateHashValue: Stable");
    // the whole validate: the plan rule and the general hazard (an error with plan checks on)
    assertThat(summary(errors(yaml)))
        .contains("plan.latency-ratio-args@" + at + ":error")
        .anyMatch(s -> s.startsWith("hazard.analysis-hash-sides@"));
  }

  @Test
  void aQueryReadingTheLatestHashOnBothSidesFails() {
    String yaml = bundle.replace(STABLE_HASH, CANARY_HASH);
    List<Finding> f = runPlan(new LatencyRatioSidesRule(), yaml);
    int at = ratioQueryLine(yaml);
    assertThat(summary(f))
        .containsExactly(
            "plan.latency-ratio-sides@" + at + ":error",
            "plan.latency-ratio-sides@" + at + ":error");
    assertThat(f)
        .extracting(Finding::message)
        .anyMatch(
            m ->
                m.contains(
                        "selects the stable side (denominator) by "
                            + "rollouts_pod_template_hash={{args.latest-hash}}")
                    && m.contains("{{args.stable-hash}}")
                    && m.contains("compare the canary pods with themselves"))
        .anyMatch(m -> m.contains("no minimum-rate guard for the stable side"));
    assertThat(summary(errors(yaml))).contains("plan.latency-ratio-sides@" + at + ":error");
  }

  @Test
  void swappedSidesAreNamed() {
    String yaml =
        bundle
            .replace(CANARY_HASH, "@@")
            .replace(STABLE_HASH, CANARY_HASH)
            .replace("@@", STABLE_HASH);
    List<Finding> f = runPlan(new LatencyRatioSidesRule(), yaml);
    assertThat(f)
        .extracting(Finding::message)
        .anyMatch(
            m ->
                m.contains(
                    "canary side (numerator) by "
                        + "rollouts_pod_template_hash={{args.stable-hash}}"))
        .anyMatch(m -> m.contains("stable side (denominator)"));
  }

  @Test
  void sidesMustShareTheWindowAndTheRouteOfTheOtherMetrics() {
    String stableSide = "route=\"/v1/apply-delta\"," + STABLE_HASH + "}[1m])))";
    String window = bundle.replace(stableSide, stableSide.replace("[1m]", "[5m]"));
    assertThat(runPlan(new LatencyRatioSidesRule(), window))
        .extracting(Finding::message)
        .singleElement()
        .asString()
        .contains("[1m] and [5m]", "same [1m] window");
    String route =
        bundle.replace(stableSide, stableSide.replace("/v1/apply-delta", "/healthz/ready"));
    assertThat(runPlan(new LatencyRatioSidesRule(), route))
        .extracting(Finding::message)
        .anyMatch(m -> m.contains("\"/v1/apply-delta\" and \"/healthz/ready\""));
    String service =
        bundle.replace(
            "service=\"param-kernel-service\",namespace=\"{{args.namespace}}\","
                + "route=\"/v1/apply-delta\","
                + STABLE_HASH
                + "}[1m])))",
            "service=\"param-kernel-service-canary\","
                + "namespace=\"{{args.namespace}}\",route=\"/v1/apply-delta\","
                + STABLE_HASH
                + "}[1m])))");
    assertThat(runPlan(new LatencyRatioSidesRule(), service))
        .extracting(Finding::message)
        .anyMatch(m -> m.contains("client Service"));
  }

  @Test
  void eachSideNeedsAMinimumRateGuard() {
    int guard = bundle.indexOf("            and on() (sum(rate(http_requests_total");
    int stableGuard = bundle.indexOf("            and on()", guard + 10);
    String yaml =
        bundle.substring(0, stableGuard) + bundle.substring(bundle.indexOf('\n', stableGuard) + 1);
    assertThat(runPlan(new LatencyRatioSidesRule(), yaml))
        .extracting(Finding::message)
        .singleElement()
        .asString()
        .contains("no minimum-rate guard for the stable side (denominator)", ">= 1");
    String low = bundle.replace("}[1m])) >= 1)", "}[1m])) >= 0.1)");
    assertThat(runPlan(new LatencyRatioSidesRule(), low)).hasSize(2);
  }

  @Test
  void aGuardMustBeTheSumOfTheRate() {
    // count(...) is 1 as soon as a series exists; increase(...) counts requests per minute, not
    // per second; sum by (pod) is labelled and `and` never matches the label-free ratio
    for (String[] edit :
        new String[][] {
          {"and on() (sum(rate(http_requests_total", "and on() (count(rate(http_requests_total"},
          {"and on() (sum(rate(http_requests_total", "and on() (sum(increase(http_requests_total"},
          {"and on() (sum(rate(http_requests_total", "and (sum by (pod) (rate(http_requests_total"}
        }) {
      String yaml = bundle.replace(edit[0], edit[1]);
      assertThat(yaml).as(edit[1]).isNotEqualTo(bundle);
      assertThat(runPlan(new LatencyRatioSidesRule(), yaml))
          .as(edit[1])
          .extracting(Finding::message)
          .hasSize(2)
          .allSatisfy(m -> assertThat(m).contains("no minimum-rate guard for the"));
    }
  }

  @Test
  void aGuardWithTheBoolModifierFiltersNothingAndFails() {
    // `>= bool 1` turns each side's rate into 0 or 1: `and on()` then keeps the ratio at any rate
    String yaml = bundle.replace("}[1m])) >= 1)", "}[1m])) >= bool 1)");
    assertThat(yaml).isNotEqualTo(bundle);
    assertThat(runPlan(new LatencyRatioSidesRule(), yaml))
        .extracting(Finding::message)
        .hasSize(2)
        .allSatisfy(
            m ->
                assertThat(m)
                    .contains(
                        "no minimum-rate guard for the", "compares with `bool`", "drop `bool`"));
  }

  @Test
  void thresholdsAreThePlans() {
    String yaml = bundle.replace("result[0] > 1.8", "result[0] > 3");
    List<Finding> f = runPlan(new LatencyRatioMetricRule(), yaml);
    assertThat(summary(f))
        .containsExactly("plan.latency-ratio-metric@" + line(yaml, "result[0] > 3") + ":error");
    assertThat(f.get(0).message()).contains("result[0] > 1.8", "more than 1.8 times");
    String success = bundle.replace("result[0] < 1.5", "result[0] < 1.9");
    assertThat(runPlan(new LatencyRatioMetricRule(), success))
        .extracting(Finding::message)
        .singleElement()
        .asString()
        .contains("result[0] < 1.5");
  }

  @Test
  void aMissingRatioMetricAndMissingArgsAreErrors() {
    int start = bundle.indexOf("    # The canary's p95 divided by the stable pods' p95");
    int end = bundle.indexOf("---", start);
    String yaml = bundle.substring(0, start) + bundle.substring(end);
    assertThat(runPlan(new LatencyRatioMetricRule(), yaml))
        .extracting(Finding::message)
        .singleElement()
        .asString()
        .contains("'latency-p95-vs-stable'");
    // the latency metric is still found (the ratio is not mistaken for it, nor it for the ratio)
    assertThat(runPlan(new LatencyMetricRule(), yaml)).isEmpty();
    String noArg = bundle.replaceFirst(STABLE_ARG, "");
    assertThat(runPlan(new LatencyRatioArgsRule(), noArg))
        .extracting(Finding::message)
        .singleElement()
        .asString()
        .contains("analysis step 3", "does not pass arg 'stable-hash'");
    String undeclared = bundle.replace("    - name: stable-hash\n  metrics:", "  metrics:");
    assertThat(runPlan(new LatencyRatioArgsRule(), undeclared))
        .extracting(Finding::message)
        .singleElement()
        .asString()
        .contains("does not declare arg 'stable-hash'");
  }

  @Test
  void theRatioHasTheTimingOfTheOtherMetrics() {
    int metric = bundle.indexOf("- name: latency-p95-vs-stable");
    String yaml =
        bundle.substring(0, metric) + bundle.substring(metric).replaceFirst("count: 5", "count: 3");
    assertThat(runPlan(new MetricLimitsRule(), yaml))
        .extracting(Finding::message)
        .singleElement()
        .asString()
        .contains("count: 3", "count: 5", "same count");
  }
}
