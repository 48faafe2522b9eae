package com.kitchencpq.paramkernel.plugin.validate.rules.hazard;

import static com.kitchencpq.paramkernel.plugin.validate.RuleTester.run;
import static com.kitchencpq.paramkernel.plugin.validate.RuleTester.runPlan;
import static com.kitchencpq.paramkernel.plugin.validate.RuleTester.summary;
import static com.kitchencpq.paramkernel.plugin.validate.rules.condition.MetricYaml.prometheus;
import static org.assertj.core.api.Assertions.assertThat;

import com.kitchencpq.paramkernel.plugin.validate.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Metrics whose limits or conditions never let them fail. */
class NeverFailHazardsTest {
  private static final String Q = "sum(rate(errors[1m])) / sum(rate(requests[1m]))";
  private static final String OK = "successCondition: len(result) > 0 && result[0] < 0.01";
  private static final String BAD = "failureCondition: len(result) > 0 && result[0] > 0.03";

  @Test
  void singleMeasurementWithFailureLimitOneNeverFails() {
    List<Finding> f =
        run(new SingleMeasurementFailureLimitRule(), prometheus(Q, "failureLimit: 1", OK));
    assertThat(summary(f)).containsExactly("hazard.single-measurement-failure-limit@8:warning");
    assertThat(f.get(0).message()).contains("single measurement").contains("count >= 2");
    assertThat(
            summary(
                runPlan(
                    new SingleMeasurementFailureLimitRule(), prometheus(Q, "failureLimit: 1", OK))))
        .containsExactly("hazard.single-measurement-failure-limit@8:error");
  }

  @Test
  void countedOrUnboundedMetricsAreLeftToOtherRules() {
    assertThat(
            run(
                new SingleMeasurementFailureLimitRule(),
                prometheus(Q, "failureLimit: 1", "interval: 1m", "count: 5", OK)))
        .isEmpty();
    assertThat(
            run(
                new SingleMeasurementFailureLimitRule(),
                prometheus(Q, "failureLimit: 1", "count: 1", OK)))
        .isEmpty();
    assertThat(
            run(
                new SingleMeasurementFailureLimitRule(),
                prometheus(Q, "failureLimit: 1", "interval: 1m", OK)))
        .isEmpty();
    assertThat(
            run(
                new SingleMeasurementFailureLimitRule(),
                prometheus(Q, "failureLimit: \"{{args.limit}}\"", OK)))
        .isEmpty();
    assertThat(run(new SingleMeasurementFailureLimitRule(), prometheus(Q, OK))).isEmpty();
  }

  @Test
  void disabledFailureLimitWithoutCountOnlyEndsOnSuccess() {
    assertThat(
            summary(
                run(
                    new FailureLimitDisabledRule(),
                    prometheus(
                        Q, "failureLimit: -1", "consecutiveSuccessLimit: 3", "interval: 1m", OK))))
        .containsExactly("hazard.failure-limit-disabled@8:warning");
  }

  @Test
  void disabledFailureLimitWithCountCanFail() {
    assertThat(
            run(
                new FailureLimitDisabledRule(),
                prometheus(
                    Q,
                    "failureLimit: -1",
                    "consecutiveSuccessLimit: 3",
                    "interval: 1m",
                    "count: 5",
                    OK)))
        .isEmpty();
  }

  @Test
  void inconclusiveLimitAtCountLetsInconclusiveRunsPass() {
    assertThat(
            summary(
                run(
                    new InconclusiveLimitUnreachableRule(),
                    prometheus(Q, "inconclusiveLimit: 3", "interval: 1m", "count: 3", OK, BAD))))
        .containsExactly("hazard.inconclusive-limit-unreachable@8:warning");
  }

  @Test
  void inconclusiveLimitBelowCountPasses() {
    assertThat(
            run(
                new InconclusiveLimitUnreachableRule(),
                prometheus(Q, "inconclusiveLimit: 2", "interval: 1m", "count: 3", OK, BAD)))
        .isEmpty();
    assertThat(
            run(
                new InconclusiveLimitUnreachableRule(),
                prometheus(Q, "inconclusiveLimit: 3", "interval: 1m", "count: 3", OK)))
        .isEmpty();
  }

  @Test
  void constantConditionsAreReported() {
    assertThat(summary(run(new ConstantConditionRule(), prometheus(Q, "failureCondition: 1 > 2"))))
        .containsExactly("hazard.constant-condition@8:warning");
    assertThat(
            summary(run(new ConstantConditionRule(), prometheus(Q, "successCondition: \"true\""))))
        .containsExactly("hazard.constant-condition@8:warning");
    assertThat(
            summary(
                runPlan(new ConstantConditionRule(), prometheus(Q, "successCondition: \"false\""))))
        .containsExactly("hazard.constant-condition@8:warning");
  }

  @Test
  void conditionsOnResultAreNotConstant() {
    assertThat(run(new ConstantConditionRule(), prometheus(Q, OK, BAD))).isEmpty();
    assertThat(run(new ConstantConditionRule(), prometheus(Q, "successCondition: \"true\"", BAD)))
        .isEmpty();
    assertThat(
            run(new ConstantConditionRule(), prometheus(Q, "successCondition: \"{{args.cond}}\"")))
        .isEmpty();
  }
}
