package com.kitchencpq.paramkernel.plugin.validate.rules.hazard;

import static com.kitchencpq.paramkernel.plugin.validate.RuleTester.run;
import static com.kitchencpq.paramkernel.plugin.validate.RuleTester.runPlan;
import static com.kitchencpq.paramkernel.plugin.validate.RuleTester.summary;
import static com.kitchencpq.paramkernel.plugin.validate.rules.hazard.CanaryBundle.TEXT;
import static com.kitchencpq.paramkernel.plugin.validate.rules.hazard.CanaryBundle.line;
import static com.kitchencpq.paramkernel.plugin.validate.rules.hazard.CanaryBundle.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.kitchencpq.paramkernel.plugin.validate.Finding;
import com.kitchencpq.paramkernel.plugin.validate.Rule;
import com.kitchencpq.paramkernel.plugin.validate.SourceText;
import com.kitchencpq.paramkernel.plugin.validate.ValidationOptions;
import com.kitchencpq.paramkernel.plugin.validate.Validator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 13's categories, one rule (or sub-case) at a time, against canary-bundle.yaml (which passes
 * every rule) and a copy with the category's mistake made in it. Every finding is a warning with
 * plan checks off and an error with them on.
 */
class NoEvidenceHazardsTest {
  private static final String ERROR_QUERY_NUMERATOR =
      "(sum(rate(http_requests_total{service=\"{{args.service-name}}\",namespace=\"{{args.namespace}}\",route=\"/v1/apply-delta\",code=~\"5..\"}[1m]))"
          + " or vector(0))";
  private static final String ERROR_QUERY_DENOMINATOR =
      "sum(rate(http_requests_total{service=\"{{args.service-name}}\","
          + "namespace=\"{{args.namespace}}\",route=\"/v1/apply-delta\"}[1m]))";

  /**
   * Line of the {@code query: |} of the n-th metric (1: error-rate, 2: latency-p95, 3:
   * latency-p95-vs-stable).
   */
  private static int query(String yaml, int n) {
    int at = -1;
    for (int i = 0; i < n; i++) {
      at = yaml.indexOf("query: |", at + 1);
    }
    return (int) yaml.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
  }

  private static List<Finding> off(Rule rule, String yaml) {
    return run(rule, yaml);
  }

  /**
   * The rule finds nothing in the bundle, and exactly {@code expected} (warning, then error with
   * plan checks) in {@code broken}.
   */
  private static List<Finding> failsOnlyOn(Rule rule, String broken, int line) {
    assertThat(off(rule, TEXT)).as("the bundle passes " + rule.id()).isEmpty();
    List<Finding> warnings = off(rule, broken);
    assertThat(summary(warnings)).containsExactly(rule.id() + "@" + line + ":warning");
    assertThat(summary(runPlan(rule, broken))).contains(rule.id() + "@" + line + ":error");
    return warnings;
  }

  @Test
  void theBundleAndTheLatencyVsStableMetricPassEveryRule() {
    List<Finding> all =
        new Validator()
            .validateSources(
                List.of(new SourceText("bundle.yaml", TEXT)), ValidationOptions.of(false))
            .findings();
    assertThat(all).isEmpty();
  }

  // ---- 1. no data read as good data

  @Test
  void wholeQueryOrVectorZeroPassesNoSeries() {
    String broken =
        with(
            ERROR_QUERY_NUMERATOR + "\n            /\n            " + ERROR_QUERY_DENOMINATOR,
            "(sum(rate(http_requests_total{service=\"{{args.service-name}}\",namespace=\"{{args.namespace}}\",route=\"/v1/apply-delta\",code=~\"5..\"}[1m]))"
                + " / "
                + ERROR_QUERY_DENOMINATOR
                + ") or vector(0)");
    Finding f = failsOnlyOn(new QueryFallbackPassesRule(), broken, query(broken, 1)).get(0);
    assertThat(f.message())
        .contains("returns 0 when it matches no series")
        .contains("numerator only");
  }

  @Test
  void absentArithmeticPassesNoSeries() {
    String broken =
        with(
            ERROR_QUERY_NUMERATOR + "\n            /\n            " + ERROR_QUERY_DENOMINATOR,
            ERROR_QUERY_NUMERATOR
                + " / "
                + ERROR_QUERY_DENOMINATOR
                + " or (absent(up{job=\"x\"}) - 1)");
    failsOnlyOn(new QueryFallbackPassesRule(), broken, query(broken, 1));
  }

  @Test
  void clampedDenominatorPassesNoTraffic() {
    String broken =
        with(
            "            /\n            " + ERROR_QUERY_DENOMINATOR,
            "            / clamp_min(" + ERROR_QUERY_DENOMINATOR + ", 1)");
    Finding f = failsOnlyOn(new DenominatorFallbackRule(), broken, query(broken, 1)).get(0);
    assertThat(f.message()).contains("a window without requests gives 0 instead of NaN");
  }

  @Test
  void denominatorFallbackToOnePassesNoTraffic() {
    String broken =
        with(
            "            /\n            " + ERROR_QUERY_DENOMINATOR,
            "            / (" + ERROR_QUERY_DENOMINATOR + " > 0 or vector(1))");
    // "> 0" drops a zero total, the fallback then divides by 1
    assertThat(off(new DenominatorFallbackRule(), broken))
        .isEmpty(); // comparisons are not worked out: say nothing
    String plain =
        with(
            "            /\n            " + ERROR_QUERY_DENOMINATOR,
            "            / clamp(" + ERROR_QUERY_DENOMINATOR + ", 1, 1000000)");
    failsOnlyOn(new DenominatorFallbackRule(), plain, query(plain, 1));
  }

  @Test
  void nullCoalescingDefaultPassesAnEmptyResult() {
    String broken =
        with(
            "successCondition: len(result) > 0 && !isNaN(result[0]) && result[0] < 0.01",
            "successCondition: (first(result) ?? 0) < 0.01");
    Finding f =
        failsOnlyOn(new ConditionDefaultPassesRule(), broken, line(broken, "(first(result) ?? 0)"))
            .get(0);
    assertThat(f.message()).contains("an empty result (the query matched no series) passes");
    assertThat(off(new EmptySuccessRule(), broken)).isEmpty(); // reported once, by this rule
  }

  // ---- 2. judging the wrong pods

  @Test
  void theClientServiceAsServiceNameJudgesEveryPod() {
    String broken = with("value: param-kernel-service-canary", "value: param-kernel-service");
    Finding f =
        failsOnlyOn(
                new AnalysisWrongServiceRule(),
                broken,
                line(broken, "value: param-kernel-service\n"))
            .get(0);
    assertThat(f.message())
        .contains("metrics 'error-rate', 'latency-p95'")
        .contains(
            "service=\"param-kernel-service\" through args.service-name (set by the Rollout's"
                + " analysis)")
        .contains("stable and canary pods alike")
        .contains("select 'param-kernel-service-canary'");
  }

  @Test
  void theStableServiceAsServiceNameJudgesTheStablePods() {
    String broken =
        with("value: param-kernel-service-canary", "value: param-kernel-service-stable")
            .replace(
                "      canaryService: param-kernel-service-canary\n",
                "      canaryService: param-kernel-service-canary\n"
                    + "      stableService: param-kernel-service-stable\n");
    Finding f =
        failsOnlyOn(
                new AnalysisWrongServiceRule(),
                broken,
                line(broken, "value: param-kernel-service-stable"))
            .get(0);
    assertThat(f.message()).contains("reaches the stable pods");
  }

  @Test
  void aQueryWithoutAnyCanarySelectorJudgesEverything() {
    String broken =
        with(
            "histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{"
                + "service=\"{{args.service-name}}\",namespace=\"{{args.namespace}}\",route=\"/v1/apply-delta\"}[1m])))",
            "histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{"
                + "namespace=\"kitchen-cpq\",route=\"/v1/apply-delta\"}[1m])))");
    Finding f = failsOnlyOn(new AnalysisNoCanarySelectorRule(), broken, query(broken, 2)).get(0);
    assertThat(f.message()).contains("has no selector on the canary");
    // a value only known at run time (the namespace from a fieldRef) is not judged
    assertThat(
            off(
                new AnalysisNoCanarySelectorRule(),
                broken.replace(
                    "namespace=\"kitchen-cpq\",route", "namespace=\"{{args.namespace}}\",route")))
        .isEmpty();
  }

  @Test
  void stableHashOnlyJudgesTheStablePods() {
    String broken =
        with(
            "              - name: latest-hash\n"
                + "                valueFrom:\n"
                + "                  podTemplateHashValue: Latest",
            "              - name: latest-hash\n"
                + "                valueFrom:\n"
                + "                  podTemplateHashValue: Stable");
    Finding f =
        failsOnlyOn(
                new AnalysisHashSidesRule(),
                broken,
                line(broken, "- name: stable-hash\n                valueFrom") + 2)
            .get(0);
    assertThat(f.message())
        .contains("compares the pods of args.latest-hash and args.stable-hash")
        .contains("compares the stable pods with themselves");
  }

  @Test
  void theSameHashTwiceComparesTheCanaryWithItself() {
    String broken =
        with(
            "                  podTemplateHashValue: Stable",
            "                  podTemplateHashValue: Latest");
    int at = line(broken, "- name: stable-hash\n                valueFrom") + 2;
    Finding f = failsOnlyOn(new AnalysisHashSidesRule(), broken, at).get(0);
    assertThat(f.message()).contains("compares the canary pods with themselves");
  }

  @Test
  void readingOnlyTheStableHashIsReported() {
    String broken =
        with(
            "rollouts_pod_template_hash=\"{{args.latest-hash}}\"",
            "rollouts_pod_template_hash=\"{{args.stable-hash}}\"");
    Finding f =
        failsOnlyOn(
                new AnalysisHashSidesRule(), broken, line(broken, "podTemplateHashValue: Stable"))
            .get(0);
    assertThat(f.message()).contains("it judges the stable pods, not the canary");
  }

  // ---- 3. counting traffic that is not the API

  @Test
  void aRequestQueryWithoutRouteFilterCountsProbesAndScrapes() {
    String broken =
        with(
            "(rate(http_request_duration_seconds_bucket{service=\"{{args.service-name}}\","
                + "namespace=\"{{args.namespace}}\",route=\"/v1/apply-delta\"}[1m])",
            "(rate(http_request_duration_seconds_bucket{service=\"{{args.service-name}}\","
                + "namespace=\"{{args.namespace}}\"}[1m])");
    Finding f = failsOnlyOn(new QueryCountsProbesRule(), broken, query(broken, 2)).get(0);
    assertThat(f.message())
        .contains("without a route filter")
        .contains("/healthz/live, /healthz/ready, /metrics")
        .contains("route=\"/v1/apply-delta\"");
  }

  @Test
  void otherApplicationsRequestMetricsAreNotJudged() {
    String broken =
        TEXT.replace("route=\"/v1/apply-delta\",", "").replace("route=\"/v1/apply-delta\"}", "}");
    assertThat(off(new QueryCountsProbesRule(), broken)).hasSize(3);
    String shop =
        broken
            .replace("param-kernel-canary-health", "shop-health")
            .replace(
                "  name: param-kernel-service\n  namespace: kitchen-cpq\nspec:\n  replicas",
                "  name: shop\n" + "  namespace: kitchen-cpq\nspec:\n  replicas")
            .replace("kitchen-cpq/param-kernel-service@", "example/shop@");
    assertThat(off(new QueryCountsProbesRule(), shop)).isEmpty();
  }

  @Test
  void aRouteRegexThatAdmitsProbesIsReportedAndOneThatExcludesThemIsNot() {
    String broken = with("route=\"/v1/apply-delta\",code=~\"5..\"", "route=~\"/.*\",code=~\"5..\"");
    Finding f = failsOnlyOn(new QueryCountsProbesRule(), broken, query(broken, 1)).get(0);
    assertThat(f.message()).contains("let /healthz/live, /healthz/ready, /metrics through");
    String fine =
        with(
            "route=\"/v1/apply-delta\",code=~\"5..\"",
            "route!~\"/healthz/.*|/metrics|unmatched\",code=~\"5..\"");
    assertThat(off(new QueryCountsProbesRule(), fine)).isEmpty();
  }

  // ---- 4. windows that cannot hold data

  @Test
  void aRateWindowShorterThanTwoScrapeIntervals() {
    String broken = with("interval: 15s", "interval: 45s");
    assertThat(off(new RateWindowTooShortRule(), TEXT)).isEmpty();
    List<Finding> all = off(new RateWindowTooShortRule(), broken);
    assertThat(summary(all))
        .containsExactly(
            "hazard.rate-window-too-short@" + query(broken, 1) + ":warning",
            "hazard.rate-window-too-short@" + query(broken, 2) + ":warning",
            "hazard.rate-window-too-short@" + query(broken, 3) + ":warning");
    assertThat(summary(runPlan(new RateWindowTooShortRule(), broken)))
        .allMatch(s -> s.endsWith(":error"));
    Finding f = all.get(0);
    assertThat(f.message())
        .contains("rate over [1m]")
        .contains("every 45s")
        .contains("at least 1m30s");
  }

  @Test
  void aMonitorWithoutIntervalIsTakenAsScrapedEveryMinute() {
    String broken = with("      path: /metrics\n      interval: 15s\n", "      path: /metrics\n");
    List<Finding> all = off(new RateWindowTooShortRule(), broken);
    assertThat(all).hasSize(3);
    Finding f = all.get(0);
    assertThat(f.message()).contains("global default scrape_interval of 1m is assumed");
  }

  @Test
  void aWindowMuchLongerThanTheIntervalCountsOneBadMinuteSeveralTimes() {
    String broken =
        with("code=~\"5..\"}[1m])) or vector(0))", "code=~\"5..\"}[5m])) or vector(0))")
            .replace(
                "route=\"/v1/apply-delta\"}[1m]))\n    - name: latency-p95\n",
                "route=\"/v1/apply-delta\"}[5m]))\n    - name: latency-p95\n");
    Finding f = failsOnlyOn(new WindowOverlapRule(), broken, line(broken, "interval: 1m")).get(0);
    assertThat(f.message())
        .contains("stays in 5 consecutive measurements")
        .contains("counted 5 times against failureLimit 1");
  }

  // ---- 5. monitors that scrape nothing

  @Test
  void aMonitorSelectorThatMatchesNoService() {
    String broken =
        with(
            "    matchLabels:\n"
                + "      app.kubernetes.io/name: param-kernel-service\n"
                + "  namespaceSelector",
            "    matchLabels:\n      app: param-kernel-service\n  namespaceSelector");
    Finding f =
        failsOnlyOn(
                new MonitorNoTargetRule(),
                broken,
                line(broken, "    matchLabels:\n      app: param"))
            .get(0);
    assertThat(f.message()).contains("selects no Service of the bundle");
  }

  @Test
  void aNamespaceSelectorThatLeavesTheServicesOut() {
    String broken =
        with("    matchNames:\n      - kitchen-cpq", "    matchNames:\n      - monitoring");
    Finding f =
        failsOnlyOn(
                new MonitorNamespaceExcludedRule(),
                broken,
                line(broken, "  namespaceSelector:") + 1)
            .get(0);
    assertThat(f.message())
        .contains("in namespace kitchen-cpq, which its namespaceSelector leaves out");
  }

  @Test
  void anEndpointPortNoServiceNames() {
    String broken = with("    - port: http\n", "    - port: metrics\n");
    Finding f =
        failsOnlyOn(new MonitorPortUnknownRule(), broken, line(broken, "- port: metrics")).get(0);
    assertThat(f.message()).contains("scrapes port 'metrics'").contains("(named ports: http)");
  }

  @Test
  void podMonitorsAreReadToo() {
    String podMonitor =
        "---\n"
            + "apiVersion: monitoring.coreos.com/v1\n"
            + "kind: PodMonitor\n"
            + "metadata:\n"
            + "  name: pods\n"
            + "  namespace: kitchen-cpq\n"
            + "spec:\n"
            + "  selector:\n"
            + "    matchLabels:\n"
            + "      app.kubernetes.io/name: param-kernel-service\n"
            + "  podMetricsEndpoints:\n"
            + "    - port: http\n"
            + "      interval: 30s\n";
    String fine = TEXT + podMonitor;
    assertThat(off(new MonitorNoTargetRule(), fine)).isEmpty();
    assertThat(off(new MonitorPortUnknownRule(), fine)).isEmpty();
    String wrongPort = TEXT + podMonitor.replace("- port: http", "- port: metrics");
    assertThat(off(new MonitorPortUnknownRule(), wrongPort))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.message())
                    .contains("PodMonitor 'pods' scrapes port 'metrics'")
                    .contains("container port"));
    String noPods =
        TEXT
            + podMonitor.replace(
                "      app.kubernetes.io/name: param-kernel-service\n  podMetricsEndpoints",
                "      app: other\n  podMetricsEndpoints");
    assertThat(off(new MonitorNoTargetRule(), noPods))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("selects no pod template of the bundle"));
    // a PodMonitor scraping every 30s makes the [1m] windows exactly two scrapes: fine
    assertThat(off(new RateWindowTooShortRule(), fine)).isEmpty();
  }

  // ---- 6. conditions that error instead of deciding

  @Test
  void firstOfAnEmptyResultErrors() {
    String broken =
        with(
            "failureCondition: len(result) > 0 && !isNaN(result[0]) && result[0] > 0.03",
            "failureCondition: first(result) > 0.03");
    Finding f =
        failsOnlyOn(new EmptyResultErrorRule(), broken, line(broken, "first(result) > 0.03"))
            .get(0);
    assertThat(f.message())
        .contains("invalid operation: <nil> > float64")
        .contains("5 errors in a row abort");
  }

  // ---- 7. gates that cannot fail

  @Test
  void everyHealthMetricDryRun() {
    String broken =
        with(
            "            templates:\n              - templateName: param-kernel-canary-health\n",
            "            templates:\n              - templateName: param-kernel-canary-health\n"
                + "            dryRun:\n              - metricName: .*\n");
    Finding f =
        failsOnlyOn(new AllMetricsDryRunRule(), broken, line(broken, "- metricName: .*")).get(0);
    assertThat(f.message()).contains("(error-rate, latency-p95, latency-p95-vs-stable)");
    String oneLeft = broken.replace("- metricName: .*", "- metricName: latency");
    assertThat(off(new AllMetricsDryRunRule(), oneLeft)).isEmpty();
  }

  @Test
  void aLatencyFailureNoBucketCanReach() {
    String broken = with("result[0] > 0.060", "result[0] * 1000 > 20000");
    Finding f =
        failsOnlyOn(
                new HistogramThresholdCappedRule(),
                broken,
                line(broken, "result[0] * 1000 > 20000"))
            .get(0);
    assertThat(f.message()).contains("false for every value the quantile can take");
  }

  @Test
  void inconclusiveAndFailureLimitsAtCountAreReportedByTheirRules() {
    String inconclusive =
        with(
            "      successCondition: len(result) > 0 && !isNaN(result[0]) && result[0] < 0.030",
            "      inconclusiveLimit: 5\n"
                + "      successCondition: len(result) > 0 && !isNaN(result[0]) && result[0] <"
                + " 0.030");
    failsOnlyOn(
        new InconclusiveLimitUnreachableRule(),
        inconclusive,
        line(inconclusive, "inconclusiveLimit: 5"));
  }
}
