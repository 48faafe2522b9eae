package com.kitchencpq.paramkernel.plugin.validate.rules.condition;

import static com.kitchencpq.paramkernel.plugin.validate.RuleTester.run;
import static com.kitchencpq.paramkernel.plugin.validate.RuleTester.summary;
import static com.kitchencpq.paramkernel.plugin.validate.rules.condition.MetricYaml.prometheus;
import static com.kitchencpq.paramkernel.plugin.validate.rules.condition.MetricYaml.rangeQuery;
import static com.kitchencpq.paramkernel.plugin.validate.rules.condition.MetricYaml.web;
import static org.assertj.core.api.Assertions.assertThat;

import com.kitchencpq.paramkernel.plugin.validate.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionRulesTest {
  private static final String VECTOR = "sum(rate(http_requests_total[1m]))";
  private static final String SCALAR = "scalar(sum(rate(http_requests_total[1m])))";

  @Test
  void syntaxErrorIsReportedAtTheCondition() {
    List<Finding> f =
        run(new SyntaxRule(), prometheus(VECTOR, "successCondition: \"result[0] >=\""));
    assertThat(summary(f)).containsExactly("condition.syntax@8:error");
    assertThat(f.get(0).message())
        .contains("unexpected end of the condition")
        .contains("character 13");
    assertThat(f.get(0).field()).isEqualTo("spec.metrics[0].successCondition");
  }

  @Test
  void unquotedHashIsCutOffByYamlAndSaidSo() {
    List<Finding> f =
        run(new SyntaxRule(), prometheus(VECTOR, "successCondition: all(result, # < 1)"));
    assertThat(summary(f)).containsExactly("condition.syntax@8:error");
    assertThat(f.get(0).message()).contains("YAML read the rest of the line as a comment");
  }

  @Test
  void wellFormedConditionPassesSyntax() {
    assertThat(
            run(
                new SyntaxRule(),
                prometheus(
                    VECTOR,
                    "successCondition: len(result) > 0 && result[0] < 0.01",
                    "failureCondition: len(result) > 0 && (isNaN(result[0]) || result[0] > 0.03)")))
        .isEmpty();
  }

  @Test
  void unknownNameIsAnError() {
    List<Finding> f =
        run(
            new UnknownNameRule(),
            prometheus(
                VECTOR,
                "successCondition: resutl[0] < 0.01",
                "failureCondition: isNan(result[0])"));
    assertThat(summary(f))
        .containsExactly("condition.unknown-name@8:error", "condition.unknown-name@9:error");
    assertThat(f.get(0).message()).contains("unknown name resutl");
    assertThat(f.get(1).message()).contains("unknown name isNan");
  }

  @Test
  void argoHelpersAndBuiltinsAreKnown() {
    assertThat(
            run(
                new UnknownNameRule(),
                prometheus(
                    VECTOR,
                    "successCondition: 'asFloat(result[0]) < 0.01 && !isInf(result[0]) &&"
                        + " all(result, # >= 0)'",
                    "failureCondition: default(result, [0.0])[0] > max(result) || isNil(result)")))
        .isEmpty();
  }

  @Test
  void nonBooleanConditionIsAnError() {
    assertThat(
            summary(
                run(new NotBooleanRule(), prometheus(VECTOR, "successCondition: result[0] * 100"))))
        .containsExactly("condition.not-boolean@8:error");
    assertThat(
            run(new NotBooleanRule(), prometheus(VECTOR, "successCondition: result[0] * 100 < 1")))
        .isEmpty();
  }

  @Test
  void comparingAVectorAsAScalarIsAShapeError() {
    List<Finding> f =
        run(
            new ResultShapeRule(),
            prometheus(
                VECTOR, "successCondition: result >= 0.95", "failureCondition: isNaN(result)"));
    assertThat(summary(f))
        .containsExactly("condition.result-shape@8:error", "condition.result-shape@9:error");
    assertThat(f.get(0).message())
        .contains("mismatched types []float64 and float64")
        .contains("instant vector");
  }

  @Test
  void indexingAScalarQueryIsAShapeError() {
    List<Finding> f =
        run(new ResultShapeRule(), prometheus(SCALAR, "successCondition: result[0] < 0.01"));
    assertThat(summary(f)).containsExactly("condition.result-shape@8:error");
    assertThat(f.get(0).message()).contains("cannot index float64").contains("scalar");
  }

  @Test
  void resultUsedAsTheQueryReturnsItPasses() {
    assertThat(
            run(
                new ResultShapeRule(),
                prometheus(SCALAR, "successCondition: result < 0.01 || isNaN(result)")))
        .isEmpty();
    assertThat(
            run(
                new ResultShapeRule(),
                prometheus("1 - " + SCALAR, "successCondition: result > 0.99")))
        .isEmpty();
    assertThat(
            run(
                new ResultShapeRule(),
                prometheus(VECTOR, "successCondition: len(result) > 0 && result[0] < 1")))
        .isEmpty();
    assertThat(
            run(
                new ResultShapeRule(),
                rangeQuery(VECTOR, "successCondition: 'all(result, # < 0.01)'")))
        .isEmpty();
  }

  @Test
  void rangeQueryIsAFlattenedList() {
    assertThat(
            summary(
                run(new ResultShapeRule(), rangeQuery(SCALAR, "successCondition: result < 0.01"))))
        .containsExactly("condition.result-shape@8:error");
  }

  @Test
  void otherProvidersAreNotShapeChecked() {
    assertThat(
            run(
                new ResultShapeRule(),
                web("successCondition: result.major == '1'", "failureCondition: result[0] > 1")))
        .isEmpty();
  }

  @Test
  void placeholdersAreUnknownValues() {
    assertThat(
            run(
                new TypeMismatchRule(),
                prometheus(VECTOR, "successCondition: \"result[0] < {{args.limit}}\"")))
        .isEmpty();
    assertThat(
            run(new TypeMismatchRule(), web("successCondition: result == \"{{args.expected}}\"")))
        .isEmpty();
  }

  @Test
  void otherTypeMismatchesAreErrors() {
    List<Finding> f =
        run(
            new TypeMismatchRule(),
            prometheus(
                VECTOR,
                "successCondition: result[0] < 'high'",
                "failureCondition: result[0] > 1 && 2"));
    assertThat(summary(f))
        .containsExactly("condition.type-mismatch@8:error", "condition.type-mismatch@9:error");
    assertThat(
            run(
                new TypeMismatchRule(),
                prometheus(VECTOR, "successCondition: result[0] < 1 && 'a' < 'b'")))
        .isEmpty();
  }
}
