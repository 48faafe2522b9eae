package com.kitchencpq.paramkernel.plugin.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TypeCheckerTest {

  private static Type type(String shape) {
    return switch (shape) {
      case "vector" -> Type.FLOAT_LIST;
      case "scalar" -> Type.FLOAT;
      default -> Type.ANY;
    };
  }

  /** Type of the condition and its problems as KIND list ("-" for none). */
  @ParameterizedTest(name = "{1} with {0} result")
  @CsvSource(
      delimiterString = " => ",
      value = {
        "vector => result[0] >= 0.95 => bool => -",
        "vector => result >= 0.95 => bool => RESULT_SHAPE",
        "vector => result == 0.95 => bool => RESULT_SHAPE",
        "vector => isNaN(result) => bool => RESULT_SHAPE",
        "vector => isNaN(result[0]) => bool => -",
        "vector => len(result) == 0 || result[0] >= 0.95 => bool => -",
        "vector => all(result, # < 1000) => bool => -",
        "vector => result[0] + 1 => float64 => -",
        "vector => len(result) => int => -",
        "vector => result.value > 1 => bool => RESULT_SHAPE",
        "vector => result[0][0] > 1 => bool => TYPE",
        "scalar => result[0] >= 0.95 => bool => RESULT_SHAPE",
        "scalar => len(result) > 0 => bool => RESULT_SHAPE",
        "scalar => result >= 0.95 || isNaN(result) => bool => -",
        "scalar => abs(result - 1) < 0.1 => bool => -",
        "any => result.major == '1' => bool => -",
        "any => result == 'It worked!' => bool => -",
        "any => asInt(result) > 1 => bool => -",
        "any => foo > 1 => bool => UNKNOWN_NAME",
        "any => myFunc(result) => interface {} => UNKNOWN_NAME",
        "any => # > 1 => bool => TYPE",
        "any => 1 + 'a' > 2 => bool => TYPE",
        "any => !1 => bool => TYPE",
        "any => 1 => int => -",
        "any => let x = 2; x > 1 => bool => -",
        "any => now() - duration('5m') < now() => bool => -",
      })
  void checksLikeExpr(String shape, String condition, String expectedType, String problems)
      throws Exception {
    TypeChecker.Outcome o = TypeChecker.check(ConditionParser.parse(condition), type(shape));
    assertThat(o.type().goName()).isEqualTo(expectedType);
    String kinds = o.problems().stream().map(p -> p.kind().name()).collect(Collectors.joining(","));
    assertThat(kinds.isEmpty() ? "-" : kinds).isEqualTo(problems);
  }
}
