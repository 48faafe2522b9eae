package com.kitchencpq.paramkernel.plugin.validate.rules.hazard;

import static com.kitchencpq.paramkernel.plugin.validate.RuleTester.run;
import static com.kitchencpq.paramkernel.plugin.validate.RuleTester.runPlan;
import static com.kitchencpq.paramkernel.plugin.validate.RuleTester.summary;
import static com.kitchencpq.paramkernel.plugin.validate.rules.condition.MetricYaml.prometheus;
import static org.assertj.core.api.Assertions.assertThat;

import com.kitchencpq.paramkernel.plugin.render.Template;
import com.kitchencpq.paramkernel.plugin.render.TemplateRenderer;
import com.kitchencpq.paramkernel.plugin.validate.Rule;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A ratio of two quantiles (canary p95 / stable p95) has no unit: the bucket-bound hazards, which
 * compare thresholds with the histogram's bounds in seconds, leave it alone, while a plain p95 is
 * still judged. The le check still looks inside a ratio: an aggregation that drops le empties
 * either side whatever the unit.
 */
class RatioOfQuantilesTest {
  private static final String SIDE =
      "histogram_quantile(0.95, sum by (le) (rate("
          + "http_request_duration_seconds_bucket{service=\"s\",rollouts_pod_template_hash=\"%s\"}[1m])))";
  private static final String RATIO = "(" + SIDE.formatted("a") + " / " + SIDE.formatted("b") + ")";
  private static final String GUARDED =
      RATIO + " and on() (sum(rate(http_requests_total{service=\"s\"}[1m]))" + " >= 1)";
  private static final String P95 = SIDE.formatted("a");
  private static final String GUARD = "len(result) > 0 && !isNaN(result[0]) && ";
  private static final String SUCCESS = "successCondition: " + GUARD + "result[0] < 1.5";
  private static final String FAILURE = "failureCondition: " + GUARD + "result[0] > 2.0";
  private static final List<Rule> BUCKET_RULES =
      List.of(
          new HistogramThresholdBetweenBucketsRule(),
          new HistogramThresholdCappedRule(),
          new HistogramMissingLeRule());

  @Test
  void theShippedRatioMetricHasNoBucketFinding() throws Exception {
    String bundle =
        new TemplateRenderer()
            .render(Template.embeddedDefault(), "sha256:" + "0123456789abcdef".repeat(4), List.of())
            .text();
    assertThat(bundle)
        .contains("- name: latency-p95-vs-stable", "result[0] < 1.5", "result[0] > 1.8");
    for (Rule rule : BUCKET_RULES) {
      assertThat(run(rule, bundle)).as(rule.id()).isEmpty();
      assertThat(runPlan(rule, bundle)).as(rule.id()).isEmpty();
    }
  }

  @Test
  void aRatioWithThresholdsOneAndAHalfAndTwoIsNotJudgedAgainstBucketBounds() {
    for (String query : List.of(RATIO, GUARDED)) {
      String yaml = prometheus(query, SUCCESS, FAILURE);
      for (Rule rule : BUCKET_RULES) {
        assertThat(run(rule, yaml)).as(rule.id() + " on " + query).isEmpty();
      }
      // 20 is above the largest bound (10 s): for a quantile it could never be reached, for a
      // ratio it can
      assertThat(
              run(
                  new HistogramThresholdCappedRule(),
                  prometheus(query, "failureCondition: " + GUARD + "result[0] > 20")))
          .isEmpty();
    }
  }

  @Test
  void aPlainP95WithTheSameThresholdsStillIs() {
    String yaml = prometheus(P95, SUCCESS, FAILURE);
    // 1.5 and 2.0 s are not bounds (1 and 2.5 are): both interpolated
    assertThat(summary(run(new HistogramThresholdBetweenBucketsRule(), yaml)))
        .containsExactly(
            "hazard.histogram-threshold-between-buckets@8:warning",
            "hazard.histogram-threshold-between-buckets@9:warning");
    assertThat(
            summary(
                run(
                    new HistogramThresholdCappedRule(),
                    prometheus(P95, "failureCondition: " + GUARD + "result[0] > 20"))))
        .containsExactly("hazard.histogram-threshold-capped@8:warning");
  }

  @Test
  void aRatioWhoseSideDropsLeIsStillFound() {
    String broken = RATIO.replaceFirst("sum by \\(le\\) ", "sum ");
    assertThat(summary(run(new HistogramMissingLeRule(), prometheus(broken, SUCCESS, FAILURE))))
        .containsExactly("hazard.histogram-missing-le@13:warning");
  }
}
