package com.kitchencpq.paramkernel.plugin.validate.rules.hazard;

import static com.kitchencpq.paramkernel.plugin.validate.RuleTester.run;
import static com.kitchencpq.paramkernel.plugin.validate.RuleTester.runPlan;
import static com.kitchencpq.paramkernel.plugin.validate.RuleTester.summary;
import static com.kitchencpq.paramkernel.plugin.validate.rules.condition.MetricYaml.prometheus;
import static com.kitchencpq.paramkernel.plugin.validate.rules.condition.MetricYaml.rangeQuery;
import static com.kitchencpq.paramkernel.plugin.validate.rules.condition.MetricYaml.web;
import static org.assertj.core.api.Assertions.assertThat;

import com.kitchencpq.paramkernel.plugin.validate.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Empty vectors, NaN and nil guards. */
class NoDataHazardsTest {
  private static final String RATIO = "sum(rate(errors[1m])) / sum(rate(requests[1m]))";
  private static final String SCALAR = "scalar(" + RATIO + ")";

  @Test
  void unguardedIndexIsAWarningWithoutPlanChecksAndAnErrorWithThem() {
    String yaml =
        prometheus(
            RATIO, "successCondition: result[0] < 0.01", "failureCondition: result[0] > 0.03");
    assertThat(summary(run(new UnguardedIndexRule(), yaml)))
        .containsExactly("hazard.unguarded-index@8:warning", "hazard.unguarded-index@9:warning");
    assertThat(summary(runPlan(new UnguardedIndexRule(), yaml)))
        .containsExactly("hazard.unguarded-index@8:error", "hazard.unguarded-index@9:error");
    assertThat(run(new UnguardedIndexRule(), yaml).get(0).message()).contains("5 errors in a row");
  }

  @Test
  void guardedIndexPasses() {
    assertThat(
            run(
                new UnguardedIndexRule(),
                prometheus(
                    RATIO,
                    "successCondition: len(result) > 0 && result[0] < 0.01",
                    "failureCondition: len(result) == 0 || result[0] > 0.03")))
        .isEmpty();
    assertThat(run(new UnguardedIndexRule(), prometheus(SCALAR, "successCondition: result < 0.01")))
        .isEmpty();
    assertThat(run(new UnguardedIndexRule(), web("successCondition: result[0] < 0.01"))).isEmpty();
  }

  @Test
  void negatedComparisonPassesNan() {
    List<Finding> f =
        run(
            new NanSuccessRule(),
            prometheus(RATIO, "successCondition: len(result) > 0 && !(result[0] > 0.03)"));
    assertThat(summary(f)).containsExactly("hazard.nan-success@8:warning");
    assertThat(f.get(0).message()).contains("true for NaN");
  }

  @Test
  void failureConditionAloneNeverFiresOnNan() {
    List<Finding> f =
        run(
            new NanSuccessRule(),
            prometheus(RATIO, "failureCondition: len(result) > 0 && result[0] > 0.03"));
    assertThat(summary(f)).containsExactly("hazard.nan-success@8:warning");
    assertThat(f.get(0).message()).contains("no successCondition");
  }

  @Test
  void positiveComparisonOrBothConditionsDoNotPassNan() {
    assertThat(
            run(
                new NanSuccessRule(),
                prometheus(RATIO, "successCondition: len(result) > 0 && result[0] <= 0.03")))
        .isEmpty();
    assertThat(
            run(
                new NanSuccessRule(),
                prometheus(
                    RATIO,
                    "successCondition: len(result) > 0 && result[0] < 0.01",
                    "failureCondition: len(result) > 0 && result[0] > 0.03")))
        .isEmpty();
    assertThat(run(new NanSuccessRule(), prometheus(SCALAR, "successCondition: result < 0.01")))
        .isEmpty();
  }

  @Test
  void explicitIsNanPassIsOnlyAPlanError() {
    String yaml =
        prometheus(
            RATIO, "successCondition: len(result) > 0 && (result[0] <= 0.01 || isNaN(result[0]))");
    assertThat(run(new NanSuccessRule(), yaml)).isEmpty();
    assertThat(summary(runPlan(new NanSuccessRule(), yaml)))
        .containsExactly("hazard.nan-success@8:error");
  }

  @Test
  void allOverAnEmptyListPasses() {
    List<Finding> f =
        run(new EmptySuccessRule(), rangeQuery(RATIO, "successCondition: 'all(result, # < 0.01)'"));
    assertThat(summary(f)).containsExactly("hazard.empty-success@8:warning");
  }

  @Test
  void emptyResultThatFailsOrIsGuardedPasses() {
    assertThat(
            run(
                new EmptySuccessRule(),
                rangeQuery(RATIO, "successCondition: 'len(result) > 0 && all(result, # < 0.01)'")))
        .isEmpty();
    assertThat(
            run(
                new EmptySuccessRule(),
                prometheus(RATIO, "successCondition: 'any(result, # < 0.01)'")))
        .isEmpty();
  }

  @Test
  void explicitPassOnNoDataIsOnlyAPlanError() {
    String yaml = prometheus(RATIO, "successCondition: len(result) == 0 || result[0] < 0.01");
    assertThat(run(new EmptySuccessRule(), yaml)).isEmpty();
    assertThat(summary(runPlan(new EmptySuccessRule(), yaml)))
        .containsExactly("hazard.empty-success@8:error");
  }

  @Test
  void nilGuardsNeverFireForPrometheus() {
    assertThat(
            summary(
                run(
                    new NilGuardRule(),
                    prometheus(
                        RATIO,
                        "successCondition: isNil(result) || result[0] < 0.01",
                        "failureCondition: default(result, [0.0])[0] > 0.03"))))
        .containsExactly("hazard.nil-guard@8:warning", "hazard.nil-guard@9:warning");
  }

  @Test
  void nilGuardsAreFineElsewhere() {
    assertThat(run(new NilGuardRule(), web("successCondition: isNil(result) || result.ok == true")))
        .isEmpty();
    assertThat(
            run(
                new NilGuardRule(),
                prometheus(RATIO, "successCondition: len(result) > 0 && result[0] < 1")))
        .isEmpty();
  }
}
