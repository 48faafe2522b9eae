package com.kitchencpq.paramkernel.plugin.validate.rules.hazard;

import static com.kitchencpq.paramkernel.plugin.validate.RuleTester.run;
import static com.kitchencpq.paramkernel.plugin.validate.RuleTester.runPlan;
import static com.kitchencpq.paramkernel.plugin.validate.RuleTester.summary;
import static com.kitchencpq.paramkernel.plugin.validate.rules.condition.MetricYaml.prometheus;
import static org.assertj.core.api.Assertions.assertThat;

import com.kitchencpq.paramkernel.plugin.validate.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Histogram thresholds and PromQL query shapes. The query line of the fixtures is 8 + fields + 4.
 */
class QueryHazardsTest {
  private static final String P95 =
      "histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket"
          + "{service=\"s\"}[1m])))";
  private static final String GUARD = "len(result) > 0 && ";

  @Test
  void thresholdBetweenBucketsIsAWarning() {
    List<Finding> f =
        run(
            new HistogramThresholdBetweenBucketsRule(),
            prometheus(
                P95,
                "successCondition: " + GUARD + "result[0] < 0.032",
                "failureCondition: " + GUARD + "result[0] > 0.06"));
    assertThat(summary(f)).containsExactly("hazard.histogram-threshold-between-buckets@8:warning");
    assertThat(f.get(0).message()).contains("0.032").contains("such as 0.03");
    assertThat(
            summary(
                runPlan(
                    new HistogramThresholdBetweenBucketsRule(),
                    prometheus(P95, "successCondition: " + GUARD + "result[0] < 0.032"))))
        .containsExactly("hazard.histogram-threshold-between-buckets@8:warning");
  }

  @Test
  void thresholdsOnBucketBoundsPass() {
    assertThat(
            run(
                new HistogramThresholdBetweenBucketsRule(),
                prometheus(
                    P95,
                    "successCondition: " + GUARD + "result[0] < 0.030",
                    "failureCondition: " + GUARD + "result[0] > 0.06")))
        .isEmpty();
    assertThat(
            run(
                new HistogramThresholdBetweenBucketsRule(),
                prometheus(
                    "histogram_quantile(0.95, sum by (le) (rate(other_seconds_bucket[1m])))",
                    "successCondition: " + GUARD + "result[0] < 0.032")))
        .isEmpty();
  }

  @Test
  void failureAboveTheLargestBucketCanNeverBeTrue() {
    assertThat(
            summary(
                run(
                    new HistogramThresholdCappedRule(),
                    prometheus(P95, "failureCondition: " + GUARD + "result[0] > 10"))))
        .containsExactly("hazard.histogram-threshold-capped@8:warning");
    assertThat(
            run(
                new HistogramThresholdCappedRule(),
                prometheus(P95, "failureCondition: " + GUARD + "result[0] >= 10")))
        .isEmpty();
    assertThat(
            run(
                new HistogramThresholdCappedRule(),
                prometheus(P95, "failureCondition: " + GUARD + "result[0] > 0.06")))
        .isEmpty();
  }

  @Test
  void quantileOverASumWithoutLeIsEmpty() {
    assertThat(
            summary(
                run(
                    new HistogramMissingLeRule(),
                    prometheus(
                        "histogram_quantile(0.95,"
                            + " sum(rate(http_request_duration_seconds_bucket[1m])))",
                        "successCondition: " + GUARD + "result[0] < 0.03"))))
        .containsExactly("hazard.histogram-missing-le@12:warning");
    assertThat(
            run(
                new HistogramMissingLeRule(),
                prometheus(P95, "successCondition: " + GUARD + "result[0] < 0.03")))
        .isEmpty();
    assertThat(
            run(
                new HistogramMissingLeRule(),
                prometheus(
                    "histogram_quantile(0.95, rate(http_request_duration_seconds_bucket[1m]))",
                    "successCondition: " + GUARD + "result[0] < 0.03")))
        .isEmpty();
  }

  @Test
  void errorRatioWithoutZeroFallbackIsAWarning() {
    String q =
        "sum(rate(http_requests_total{code=~\"5..\"}[1m])) / sum(rate(http_requests_total[1m]))";
    assertThat(
            summary(
                run(
                    new ErrorRatioEmptyNumeratorRule(),
                    prometheus(q, "successCondition: " + GUARD + "result[0] < 0.01"))))
        .containsExactly("hazard.error-ratio-empty-numerator@12:warning");
  }

  @Test
  void errorRatioWithFallbackOrSuccessRatioPasses() {
    assertThat(
            run(
                new ErrorRatioEmptyNumeratorRule(),
                prometheus(
                    "(sum(rate(http_requests_total{code=~\"5..\"}[1m])) or on()"
                        + " vector(0)) / sum(rate(http_requests_total[1m]))",
                    "successCondition: " + GUARD + "result[0] < 0.01")))
        .isEmpty();
    assertThat(
            run(
                new ErrorRatioEmptyNumeratorRule(),
                prometheus(
                    "sum(rate(x{response_code_class!~\"5.*\"}[5m])) /" + " sum(rate(x[5m]))",
                    "successCondition: " + GUARD + "result[0] > 0.99")))
        .isEmpty();
  }

  @Test
  void indexingAnUnaggregatedVectorIsAWarning() {
    assertThat(
            summary(
                run(
                    new UnaggregatedVectorRule(),
                    prometheus(
                        "rate(http_requests_total{code=\"200\"}[1m])",
                        "successCondition: " + GUARD + "result[0] > 1"))))
        .containsExactly("hazard.unaggregated-vector@12:warning");
    assertThat(
            summary(
                run(
                    new UnaggregatedVectorRule(),
                    prometheus(
                        "sum by (pod) (rate(x[1m]))",
                        "successCondition: " + GUARD + "result[0] > 1"))))
        .containsExactly("hazard.unaggregated-vector@12:warning");
  }

  @Test
  void aggregatedOrUnindexedVectorPasses() {
    assertThat(
            run(
                new UnaggregatedVectorRule(),
                prometheus(
                    "sum(rate(x[1m])) / sum(rate(y[1m]))",
                    "successCondition: " + GUARD + "result[0] > 1")))
        .isEmpty();
    assertThat(
            run(
                new UnaggregatedVectorRule(),
                prometheus(P95, "successCondition: " + GUARD + "result[0] < 1")))
        .isEmpty();
    assertThat(
            run(
                new UnaggregatedVectorRule(),
                prometheus(
                    "sum by (service) (rate(x{service=\"a\"}[1m]))",
                    "successCondition: " + GUARD + "result[0] > 1")))
        .isEmpty();
    assertThat(
            run(
                new UnaggregatedVectorRule(),
                prometheus("rate(x[1m])", "successCondition: 'all(result, # > 1)'")))
        .isEmpty();
  }

  @Test
  void unquotedArgInAMatcherIsAWarning() {
    List<Finding> f =
        run(
            new QueryUnquotedArgRule(),
            prometheus(
                "sum(rate(x{service={{args.svc}}}[1m]))",
                "successCondition: " + GUARD + "result[0] > 1"));
    assertThat(summary(f)).containsExactly("hazard.query-unquoted-arg@12:warning");
    assertThat(f.get(0).message()).contains("{{args.svc}}");
  }

  @Test
  void quotedArgsAndRangeArgsPass() {
    assertThat(
            run(
                new QueryUnquotedArgRule(),
                prometheus(
                    "sum(rate(x{service=\"{{args.svc}}\"}[{{args.window}}]))",
                    "successCondition: " + GUARD + "result[0] > 1")))
        .isEmpty();
  }
}
