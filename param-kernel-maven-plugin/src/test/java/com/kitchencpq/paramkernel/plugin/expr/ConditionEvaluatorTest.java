package com.kitchencpq.paramkernel.plugin.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConditionEvaluatorTest {

  private static Object sample(String s) {
    return switch (s) {
      case "[]" -> List.of();
      case "[NaN]" -> List.of(Double.NaN);
      case "[0.02]" -> List.of(0.02);
      case "NaN" -> Double.NaN;
      default -> Double.parseDouble(s);
    };
  }

  @ParameterizedTest(name = "{0} with {1}")
  @CsvSource(
      delimiterString = " => ",
      value = {
        "result[0] < 0.01 => [0.02] => false",
        "result[0] < 0.01 => [NaN] => false",
        "result[0] != 0.5 => [NaN] => true",
        "!(result[0] > 0.03) => [NaN] => true",
        "len(result) == 0 || result[0] < 0.01 => [] => true",
        "len(result) > 0 && result[0] < 0.01 => [] => false",
        "all(result, # < 0.01) => [] => true",
        "any(result, # > 0.03) => [] => false",
        "isNaN(result[0]) || result[0] < 0.01 => [NaN] => true",
        "result >= 0.9 || isNaN(result) => NaN => true",
        "result >= 0.9 => NaN => false",
        "isNil(result) => [] => false",
        "len(default(result, [1.0])) == 0 => [] => true",
        "max(result) > 0.01 => [0.02] => true",
        "result[-1] == 0.02 => [0.02] => true",
        "1 + 2 * 3 == 7 => [] => true",
      })
  void evaluatesLikeExpr(String condition, String result, boolean expected) throws Exception {
    assertThat(ConditionEvaluator.evaluate(ConditionParser.parse(condition), sample(result)))
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = " => ",
      value = {"result[0] < 0.01 => []", "result[1] > 0 => [0.02]"})
  void indexingPastTheEndIsARunTimeFailure(String condition, String result) {
    assertThatThrownBy(
            () -> ConditionEvaluator.evaluate(ConditionParser.parse(condition), sample(result)))
        .isInstanceOfSatisfying(
            ConditionEvaluator.RuntimeFailure.class, f -> assertThat(f.indexOutOfRange()).isTrue());
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = " => ",
      value = {"result.value > 1 => [0.02]", "upper('a') == 'A' => []"})
  void unmodelledConstructsAreUnsupported(String condition, String result) {
    assertThatThrownBy(
            () -> ConditionEvaluator.evaluate(ConditionParser.parse(condition), sample(result)))
        .isInstanceOf(ConditionEvaluator.Unsupported.class);
  }
}
