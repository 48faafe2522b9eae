package com.kitchencpq.paramkernel.plugin.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import com.kitchencpq.paramkernel.plugin.argo.ArgoVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How a value becomes a measurement: {@code EvaluateResult} / {@code EvalCondition} on the cases of
 * {@code utils/evaluate/evaluate_test.go}, and {@code processResponse} on those of {@code
 * metricproviders/prometheus/prometheus_test.go} (v1.9.1), named after them.
 */
class EvaluationTest {
  private static final ArgoVersion V19 = ArgoVersion.V1_9;

  private static ConditionEvaluation.Outcome eval(Object result, String success, String failure) {
    return ConditionEvaluation.evaluateResult(result, success, failure, V19);
  }

  @Test
  void testEvaluateResult() {
    // upstream binds result=true; the conditions here do not read it
    assertThat(eval(1.0, "true", "false").phase()).as("WithSuccess").isEqualTo(Phase.SUCCESSFUL);
    assertThat(eval(1.0, "true", "true").phase()).as("WithFailure").isEqualTo(Phase.FAILED);
    assertThat(eval(1.0, "false", "false").phase())
        .as("Inconclusive")
        .isEqualTo(Phase.INCONCLUSIVE);
    assertThat(eval(1.0, "", "false").phase())
        .as("NoSuccessConditionAndNotFailing")
        .isEqualTo(Phase.SUCCESSFUL);
    assertThat(eval(1.0, "false", "").phase())
        .as("NoFailureConditionAndNotSuccessful")
        .isEqualTo(Phase.FAILED);
    assertThat(eval(1.0, "", "").phase())
        .as("NoFailureConditionAndNoSuccessCondition")
        .isEqualTo(Phase.SUCCESSFUL);
    assertThat(eval(1.0, "a == true", "true"))
        .as("WithErrorOnSuccessCondition")
        .isEqualTo(new ConditionEvaluation.Outcome(Phase.ERROR, "unknown name a"));
    assertThat(eval(1.0, "true", "a == true"))
        .as("WithErrorOnFailureCondition")
        .isEqualTo(new ConditionEvaluation.Outcome(Phase.ERROR, "unknown name a"));
  }

  @Test
  void testErrorWithNonBoolReturn() {
    assertThat(eval(1.0, "1", ""))
        .isEqualTo(new ConditionEvaluation.Outcome(Phase.ERROR, "expected bool, but got int"));
  }

  @Test
  void testErrorWithInvalidReference() {
    assertThat(eval(1.0, "invalidVariable", "").error()).isEqualTo("unknown name invalidVariable");
  }

  @Test
  void testEvaluateInOperator() {
    assertThat(eval(List.of(2.0, 2.0), "2 in result", "").phase()).isEqualTo(Phase.SUCCESSFUL);
  }

  @Test
  void aVectorComparedAsAScalarFailsToCompile() {
    // expr checks types against the value's real type: []float64 >= float64 does not compile
    assertThat(eval(List.of(0.97), "result >= 0.95", ""))
        .isEqualTo(
            new ConditionEvaluation.Outcome(
                Phase.ERROR, "invalid operation: >= (mismatched types []float64 and float64)"));
  }

  @Test
  void theConditionIsCheckedWithTheExprOfTheChosenRelease() {
    // expr 1.15.5 (Argo 1.7 to 1.9): max takes numbers, not a slice; expr 1.17 (1.10) takes both
    ConditionEvaluation.Outcome old =
        ConditionEvaluation.evaluateResult(List.of(0.2, 0.7), "max(result) < 0.9", "", V19);
    assertThat(old.phase()).isEqualTo(Phase.ERROR);
    assertThat(old.error()).contains("max");
    assertThat(
            ConditionEvaluation.evaluateResult(
                    List.of(0.2, 0.7), "max(result) < 0.9", "", ArgoVersion.V1_10)
                .phase())
        .isEqualTo(Phase.SUCCESSFUL);
  }

  @Test
  void indexingAnEmptyVectorIsAnError() {
    // expr v1.15.5 (Argo 1.7 to 1.9): vm/runtime/runtime.go Fetch indexes through reflect, and
    // vm/vm.go Run turns reflect's panic into the error
    assertThat(eval(List.of(), "result[0] >= 0.95", ""))
        .isEqualTo(
            new ConditionEvaluation.Outcome(Phase.ERROR, "reflect: slice index out of range"));
    // v1.10.0-rc1 formatEvalError
    assertThat(
            ConditionEvaluation.evaluateResult(
                    List.of(), "result[0] >= 0.95", "", ArgoVersion.V1_10)
                .error())
        .isEqualTo(
            "could not evaluate successCondition \"result[0] >= 0.95\": metric result is nil or"
                + " empty: no data returned from the metric provider");
    assertThat(
            ConditionEvaluation.evaluateResult(List.of(1.0), "", "result > x", ArgoVersion.V1_10)
                .error())
        .isEqualTo("could not evaluate failureCondition \"result > x\": unknown name x");
  }

  @Test
  void theShippedConditionsGiveNoDataInconclusive() {
    String success = "len(result) > 0 && !isNaN(result[0]) && result[0] < 0.01";
    String failure = "len(result) > 0 && !isNaN(result[0]) && result[0] > 0.03";
    assertThat(eval(List.of(), success, failure).phase()).isEqualTo(Phase.INCONCLUSIVE);
    assertThat(eval(List.of(Double.NaN), success, failure).phase()).isEqualTo(Phase.INCONCLUSIVE);
    assertThat(eval(List.of(0.002), success, failure).phase()).isEqualTo(Phase.SUCCESSFUL);
    assertThat(eval(List.of(0.02), success, failure).phase()).isEqualTo(Phase.INCONCLUSIVE);
    assertThat(eval(List.of(0.05), success, failure).phase()).isEqualTo(Phase.FAILED);
  }

  @Test
  void aConstructTheEngineDoesNotModelIsAnErrorNamingIt() {
    ConditionEvaluation.Outcome o = eval(List.of(1.0), "upper('a') == 'A'", "");
    assertThat(o.phase()).isEqualTo(Phase.ERROR);
    assertThat(o.error())
        .startsWith("the plugin's expression engine cannot evaluate upper in the condition");
  }

  private static MeasurementSource.Observation process(
      String success, String failure, PrometheusClient.QueryValue.Kind kind, Double... values) {
    MetricSpec m =
        new MetricSpec(
            "m",
            "t",
            "",
            "",
            null,
            null,
            null,
            null,
            null,
            success,
            failure,
            List.of("prometheus"),
            null);
    return PrometheusProvider.processResponse(
        m,
        new PrometheusClient.Answer(
            new PrometheusClient.QueryValue(kind, List.of(values)), List.of()),
        V19);
  }

  @Test
  void testProcessScalarResponse() {
    MeasurementSource.Observation o =
        process("result == 10", "result != 10", PrometheusClient.QueryValue.Kind.SCALAR, 10.0);
    assertThat(o.phase()).isEqualTo(Phase.SUCCESSFUL);
    assertThat(o.value()).isEqualTo("10");
  }

  @Test
  void testProcessNaNResponse() {
    PrometheusClient.QueryValue.Kind scalar = PrometheusClient.QueryValue.Kind.SCALAR;
    assertThat(process("result >= 0.9", "result < 0.9", scalar, Double.NaN))
        .extracting(MeasurementSource.Observation::phase, MeasurementSource.Observation::value)
        .containsExactly(Phase.INCONCLUSIVE, "NaN");
    assertThat(process("result >= 0.9 || isNaN(result)", "", scalar, Double.NaN).phase())
        .isEqualTo(Phase.SUCCESSFUL);
    assertThat(process("result >= 0.9", "", scalar, Double.NaN).phase()).isEqualTo(Phase.FAILED);
  }

  @Test
  void testProcessInfResponse() {
    PrometheusClient.QueryValue.Kind scalar = PrometheusClient.QueryValue.Kind.SCALAR;
    assertThat(process("result >= 0.9", "", scalar, Double.POSITIVE_INFINITY))
        .extracting(MeasurementSource.Observation::phase, MeasurementSource.Observation::value)
        .containsExactly(Phase.SUCCESSFUL, "+Inf");
    assertThat(process("", "isInf(result)", scalar, Double.POSITIVE_INFINITY).phase())
        .isEqualTo(Phase.FAILED);
  }

  @Test
  void testProcessVectorResponse() {
    MeasurementSource.Observation o =
        process(
            "10 in result",
            "len(result) != 2",
            PrometheusClient.QueryValue.Kind.VECTOR,
            10.0,
            11.0);
    assertThat(o.phase()).isEqualTo(Phase.SUCCESSFUL);
    assertThat(o.value()).isEqualTo("[10,11]");
  }

  @Test
  void anEvaluationErrorDropsTheValue() {
    // prometheus.go Run: MarkMeasurementError before Value is set
    MeasurementSource.Observation o =
        process("result[0] > 1", "", PrometheusClient.QueryValue.Kind.VECTOR);
    assertThat(o.phase()).isEqualTo(Phase.ERROR);
    assertThat(o.value()).isNull();
  }
}
