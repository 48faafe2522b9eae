package com.kitchencpq.paramkernel.plugin.validate.rules.metric;

import static com.kitchencpq.paramkernel.plugin.validate.RuleTester.run;
import static com.kitchencpq.paramkernel.plugin.validate.RuleTester.runPlan;
import static com.kitchencpq.paramkernel.plugin.validate.RuleTester.summary;
import static org.assertj.core.api.Assertions.assertThat;

import com.kitchencpq.paramkernel.plugin.validate.Rule;
import com.kitchencpq.paramkernel.plugin.validate.rules.provider.DatadogRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.provider.PrometheusRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.provider.WebRule;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricRulesTest {
  /**
   * A template whose first metric starts at line 9; {@code %s} is replaced by extra metric fields.
   */
  static String template(String metric) {
    return """
    apiVersion: argoproj.io/v1alpha1
    kind: AnalysisTemplate
    metadata:
      name: t
    spec:
      args:
        - {name: n, value: "4"}
      metrics:
        - name: error-rate
    """
        + metric.indent(6);
  }

  static final String PROM =
      """
      count: 5
      interval: 1m
      failureLimit: 1
      successCondition: result[0] < 0.05
      provider:
        prometheus:
          address: http://prometheus:9090
          query: sum(rate(errors[1m]))
      """;

  private static List<String> check(Rule rule, String yaml) {
    return summary(run(rule, yaml));
  }

  @Test
  void metricsPresent() {
    assertThat(check(new NoneRule(), template(PROM))).isEmpty();
    assertThat(
            check(
                new NoneRule(),
                "apiVersion: argoproj.io/v1alpha1\n"
                    + "kind: AnalysisTemplate\n"
                    + "metadata: {name: t}\n"
                    + "spec:\n"
                    + "  args: []\n"))
        .containsExactly("metric.none@5:error");
  }

  @Test
  void duplicateName() {
    assertThat(check(new DuplicateNameRule(), template(PROM))).isEmpty();
    assertThat(
            check(
                new DuplicateNameRule(),
                template(PROM) + "    - name: error-rate\n" + PROM.indent(6)))
        .containsExactly("metric.duplicate-name@18:error");
  }

  @Test
  void limits() {
    assertThat(check(new LimitsRule(), template(PROM))).isEmpty();
    assertThat(
            check(new LimitsRule(), template(PROM.replace("failureLimit: 1", "failureLimit: -2"))))
        .containsExactly("metric.limits@12:error");
    assertThat(
            check(new LimitsRule(), template(PROM.replace("failureLimit: 1", "failureLimit: 6"))))
        .containsExactly("metric.limits@10:error");
    assertThat(
            check(new LimitsRule(), template(PROM.replace("failureLimit: 1", "failureLimit: -1"))))
        .containsExactly("metric.limits@12:error");
    // the limit comes from the template's own default: 6 > count 5
    assertThat(
            check(
                new LimitsRule(),
                template(PROM.replace("failureLimit: 1", "failureLimit: \"{{args.n}}\""))))
        .isEmpty();
  }

  @Test
  void integerFields() {
    assertThat(
            check(
                new IntegerFieldsRule(),
                template(PROM.replace("count: 5", "count: \"{{args.n}}\""))))
        .isEmpty();
    assertThat(check(new IntegerFieldsRule(), template(PROM.replace("count: 5", "count: five"))))
        .containsExactly("metric.integer-fields@10:error");
  }

  @Test
  void interval() {
    assertThat(check(new IntervalRule(), template(PROM))).isEmpty();
    assertThat(check(new IntervalRule(), template(PROM.replace("interval: 1m", "interval: 1d"))))
        .containsExactly("metric.interval@11:error");
    assertThat(check(new IntervalRule(), template(PROM.replace("interval: 1m\n", ""))))
        .containsExactly("metric.interval@10:error");
    assertThat(check(new IntervalRule(), template(PROM + "initialDelay: \"10\"\n")))
        .containsExactly("metric.interval@18:error");
  }

  @Test
  void provider() {
    assertThat(check(new ProviderRule(), template(PROM))).isEmpty();
    assertThat(check(new ProviderRule(), template(PROM + "  web: {url: http://x}\n")))
        .containsExactly("metric.provider@15:error");
    assertThat(
            check(
                new ProviderRule(),
                template(PROM.substring(0, PROM.indexOf("provider:")) + "provider: {}\n")))
        .containsExactly("metric.provider@14:error");
  }

  @Test
  void dryRunPatternsMatchMetricsUnanchored() {
    String dry = template(PROM).replace("  metrics:", "  dryRun: [{metricName: rate}]\n  metrics:");
    assertThat(check(new RuleMatchesMetricRule(), dry)).isEmpty();
    assertThat(
            check(
                new RuleMatchesMetricRule(),
                dry.replace("metricName: rate", "metricName: latency")))
        .containsExactly("metric.rule-matches-metric@8:error");
    assertThat(
            check(
                new RuleMatchesMetricRule(), dry.replace("metricName: rate", "metricName: \"*\"")))
        .containsExactly("metric.rule-matches-metric@8:error");
  }

  @Test
  void neverFailsIsAHazard() {
    assertThat(check(new NeverFailsRule(), template(PROM))).isEmpty();
    String noCondition = template(PROM.replace("successCondition: result[0] < 0.05\n", ""));
    assertThat(check(new NeverFailsRule(), noCondition))
        .containsExactly("metric.never-fails@9:warning");
    assertThat(summary(runPlan(new NeverFailsRule(), noCondition)))
        .containsExactly("metric.never-fails@9:error");
    assertThat(
            check(
                new NeverFailsRule(), template(PROM.replace("failureLimit: 1", "failureLimit: 5"))))
        .containsExactly("metric.never-fails@12:warning");
    // a job judges itself, so it needs no condition, but failureLimit >= count still means it
    // cannot fail
    String job =
        "count: 1\n"
            + "failureLimit: 0\n"
            + "provider:\n"
            + "  job:\n"
            + "    spec: {template: {spec: {containers: [{name: c, image: i}]}}}\n";
    assertThat(check(new NeverFailsRule(), template(job))).isEmpty();
    assertThat(
            check(
                new NeverFailsRule(), template(job.replace("failureLimit: 0", "failureLimit: 1"))))
        .containsExactly("metric.never-fails@11:warning");
  }

  @Test
  void prometheus() {
    assertThat(check(new PrometheusRule(), template(PROM))).isEmpty();
    assertThat(
            check(
                new PrometheusRule(),
                template(PROM.replace("http://prometheus:9090", "prometheus:9090"))))
        .containsExactly("provider.prometheus@16:error");
    assertThat(
            check(
                new PrometheusRule(),
                template(PROM.replace("    address: http://prometheus:9090\n", ""))))
        .containsExactly("provider.prometheus@16:warning");
    assertThat(
            check(
                new PrometheusRule(),
                template(PROM + "    timeout: -1\n    authentication: {basic: {username: u}}\n")))
        .containsExactly("provider.prometheus@18:error", "provider.prometheus@19:error");
  }

  @Test
  void web() {
    String web =
        PROM.substring(0, PROM.indexOf("  prometheus:"))
            + "  web: {url: http://x, method: POST, body: \"{}\"}\n";
    assertThat(check(new WebRule(), template(web))).isEmpty();
    assertThat(check(new WebRule(), template(web.replace("method: POST", "method: GET"))))
        .containsExactly("provider.web@15:error");
  }

  @Test
  void datadog() {
    String dd =
        PROM.substring(0, PROM.indexOf("  prometheus:"))
            + "  datadog: {apiVersion: v2, queries: {a: q1}}\n";
    assertThat(check(new DatadogRule(), template(dd))).isEmpty();
    assertThat(check(new DatadogRule(), template(dd.replace("v2", "v1"))))
        .containsExactly("provider.datadog@15:error");
    assertThat(
            check(
                new DatadogRule(),
                template(dd.replace("queries: {a: q1}", "queries: {a: q1, b: q2}"))))
        .containsExactly("provider.datadog@15:error");
  }
}
