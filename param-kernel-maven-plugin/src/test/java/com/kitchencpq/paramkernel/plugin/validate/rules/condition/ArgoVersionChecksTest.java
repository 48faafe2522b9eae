package com.kitchencpq.paramkernel.plugin.validate.rules.condition;

import static com.kitchencpq.paramkernel.plugin.validate.RuleTester.run;
import static com.kitchencpq.paramkernel.plugin.validate.RuleTester.summary;
import static com.kitchencpq.paramkernel.plugin.validate.rules.condition.MetricYaml.prometheus;
import static com.kitchencpq.paramkernel.plugin.validate.rules.condition.MetricYaml.rangeQuery;
import static org.assertj.core.api.Assertions.assertThat;

import com.kitchencpq.paramkernel.plugin.argo.ArgoVersion;
import com.kitchencpq.paramkernel.plugin.validate.Finding;
import com.kitchencpq.paramkernel.plugin.validate.rules.metric.LimitsRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.schema.UnknownFieldRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checks follow the fields and the expression engine of the chosen Argo Rollouts version. */
class ArgoVersionChecksTest {
  private static final String RATIO = "sum(rate(errors[1m])) / sum(rate(requests[1m]))";

  /**
   * expr v1.15.5 builtin/builtin.go: max's Validate takes numbers only, so max([]float64) does not
   * compile.
   */
  @Test
  void maxOverAVectorIsAnErrorBeforeExpr117() {
    String yaml = prometheus(RATIO, "successCondition: len(result) > 0 && max(result) < 0.01");
    List<Finding> f = run(new ExprVersionRule(), ArgoVersion.V1_9, false, yaml);
    assertThat(summary(f)).containsExactly("condition.expr-version@8:error");
    assertThat(f.get(0).message())
        .contains("invalid argument for max (type []float64)")
        .contains("github.com/antonmedv/expr v1.15.5")
        .contains("fifth in a row aborts");
    assertThat(run(new ExprVersionRule(), ArgoVersion.V1_10, false, yaml)).isEmpty();
    // and the ordinary type rules do not report it a second time
    assertThat(run(new TypeMismatchRule(), ArgoVersion.V1_9, false, yaml)).isEmpty();
  }

  @Test
  void buildinsAddedInExpr117AreVersionErrorsNotUnknownNames() {
    String yaml = rangeQuery(RATIO, "successCondition: len(uniq(result)) == len(result)");
    assertThat(summary(run(new ExprVersionRule(), ArgoVersion.V1_8, false, yaml)))
        .containsExactly("condition.expr-version@8:error");
    assertThat(run(new UnknownNameRule(), ArgoVersion.V1_8, false, yaml)).isEmpty();
    assertThat(run(new ExprVersionRule(), ArgoVersion.V1_10, false, yaml)).isEmpty();
  }

  @Test
  void sumWithAPredicateAndMeanOfSeveralValuesNeedExpr117() {
    assertThat(
            summary(
                run(
                    new ExprVersionRule(),
                    ArgoVersion.V1_9,
                    false,
                    rangeQuery(RATIO, "successCondition: 'sum(result, # > 0.5) == 0'"))))
        .containsExactly("condition.expr-version@8:error");
    assertThat(
            summary(
                run(
                    new ExprVersionRule(),
                    ArgoVersion.V1_9,
                    false,
                    prometheus(
                        RATIO, "successCondition: len(result) > 0 && mean(result[0], 0.5) < 1"))))
        .containsExactly("condition.expr-version@8:error");
    assertThat(
            run(
                new ExprVersionRule(),
                ArgoVersion.V1_9,
                false,
                rangeQuery(
                    RATIO,
                    "successCondition: len(result) > 0 && mean(result) < 0.5 && sum(result) < 3")))
        .isEmpty();
  }

  /**
   * utils/analysis/factory.go ValidateMetric: v1.7.2 "failureLimit must be >= 0", v1.8.3 allows -1.
   */
  @Test
  void failureLimitMinusOneOnlyFromArgo18() {
    String yaml =
        prometheus(
            RATIO,
            "successCondition: len(result) > 0 && result[0] < 0.01",
            "failureLimit: -1",
            "consecutiveSuccessLimit: 3",
            "interval: 1m",
            "count: 5");
    List<Finding> f = run(new LimitsRule(), ArgoVersion.V1_7, false, yaml);
    assertThat(summary(f)).containsExactly("metric.limits@9:error");
    assertThat(f.get(0).message()).contains("Argo Rollouts 1.7 (v1.7.2) rejects");
    assertThat(run(new LimitsRule(), ArgoVersion.V1_8, false, yaml)).isEmpty();
  }

  /**
   * manifests/crds/analysis-template-crd.yaml: rangeQuery from v1.8.3, consecutiveSuccessLimit from
   * v1.8.3.
   */
  @Test
  void aFieldTheChosenVersionDoesNotHaveIsAnUnknownField() {
    String yaml =
        rangeQuery(
            RATIO,
            "successCondition: 'len(result) > 0 && all(result, # < 0.01)'",
            "consecutiveSuccessLimit: 2",
            "interval: 1m",
            "count: 3");
    List<Finding> f = run(new UnknownFieldRule(), ArgoVersion.V1_7, false, yaml);
    assertThat(summary(f))
        .containsExactly("schema.unknown-field@9:error", "schema.unknown-field@17:error");
    assertThat(f.get(0).message())
        .isEqualTo(
            "'consecutiveSuccessLimit' is not a field of 'metrics[0]' in Argo Rollouts 1.7"
                + " (v1.7.2): it was added in 1.8; remove it, or set"
                + " paramkernel.validate.argoVersion to 1.8 or later if the cluster runs that"
                + " version");
    assertThat(run(new UnknownFieldRule(), ArgoVersion.V1_8, false, yaml)).isEmpty();
  }

  @Test
  void datadogRequestTimeoutOnlyFromTheReleaseCandidate() {
    String yaml =
        """
        apiVersion: argoproj.io/v1alpha1
        kind: AnalysisTemplate
        metadata:
          name: dd
        spec:
          metrics:
            - name: m
              successCondition: result < 0.01
              provider:
                datadog:
                  query: avg:errors{*}
                  requestTimeout: 20s
        """;
    assertThat(summary(run(new UnknownFieldRule(), ArgoVersion.V1_9, false, yaml)))
        .containsExactly("schema.unknown-field@12:error");
    assertThat(run(new UnknownFieldRule(), ArgoVersion.V1_10, false, yaml)).isEmpty();
  }
}
