package com.kitchencpq.paramkernel.plugin.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where Java and Go differ, the evaluator and the type checker follow the expression engine Argo
 * Rollouts embeds: github.com/antonmedv/expr v1.15.5 (Argo 1.7 to 1.9) and
 * github.com/expr-lang/expr v1.17.7 (Argo 1.10.0-rc1). Each test names the upstream code.
 */
class ExprExactnessTest {
  private static final ExprVersion OLD = ExprVersion.V1_15_5;
  private static final ExprVersion NEW = ExprVersion.V1_17_7;

  private static Object eval(String condition, Object result, ExprVersion v) throws Exception {
    return ConditionEvaluator.evaluate(ConditionParser.parse(condition), result, v);
  }

  private static List<Double> list(double... values) {
    return Arrays.stream(values).boxed().toList();
  }

  private static TypeChecker.Outcome types(String condition, Type result, ExprVersion v)
      throws Exception {
    return TypeChecker.check(ConditionParser.parse(condition), result, v);
  }

  /**
   * 1.15.5 builtin/func.go Max, 1.17.7 builtin/lib.go minMax: keep the first value, replace it only
   * when runtime.Less(max, next) is true, which it never is with NaN on either side.
   */
  @Test
  void maxAndMinWithNanDependOnTheOrder() throws Exception {
    for (ExprVersion v : ExprVersion.values()) {
      assertThat((Double) eval("max(result[0], 0.5)", list(Double.NaN), v)).isNaN();
      assertThat(eval("max(0.5, result[0])", list(Double.NaN), v)).isEqualTo(0.5);
      assertThat((Double) eval("min(result[0], 0.5)", list(Double.NaN), v)).isNaN();
      assertThat(eval("min(0.5, result[0])", list(Double.NaN), v)).isEqualTo(0.5);
      // the int stays an int: Max returns the argument as it is
      assertThat(eval("max(1, 2)", List.of(), v)).isEqualTo(2L);
    }
    // 1.17.7 flattens lists: the NaN in front wins, a NaN later is skipped
    assertThat((Double) eval("max(result)", list(Double.NaN, 0.2, 0.9), NEW)).isNaN();
    assertThat(eval("max(result)", list(0.2, Double.NaN, 0.9), NEW)).isEqualTo(0.9);
    assertThat(eval("min(result)", list(0.2, Double.NaN, 0.1), NEW)).isEqualTo(0.1);
  }

  /** 1.15.5 builtin/builtin.go, max/min Validate: numbers only, so a list does not compile. */
  @Test
  void maxOverAListIsACompileErrorBeforeExpr117() throws Exception {
    TypeChecker.Outcome old = types("max(result) < 0.5", Type.FLOAT_LIST, OLD);
    assertThat(old.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.kind()).isEqualTo(TypeChecker.ProblemKind.VERSION);
              assertThat(p.message()).startsWith("invalid argument for max (type []float64)");
            });
    assertThat(types("max(result) < 0.5", Type.FLOAT_LIST, NEW).problems()).isEmpty();
    assertThat(types("min(result[0], 0.5) < 0.5", Type.FLOAT_LIST, OLD).problems()).isEmpty();
  }

  /**
   * 1.17.7 builtin/lib.go minMax: an empty list gives nil, and comparing nil is a run-time error.
   */
  @Test
  void maxOfAnEmptyListIsNilThenTheComparisonFails() {
    assertThatThrownBy(() -> eval("max(result) < 0.5", List.of(), NEW))
        .isInstanceOfSatisfying(
            ConditionEvaluator.RuntimeFailure.class,
            f -> {
              assertThat(f.nilValue()).isTrue();
              assertThat(f).hasMessage("invalid operation: <nil> < float64");
            });
  }

  /**
   * runtime.Equal: 1.15.5 falls through to reflect.DeepEqual for lists (the Go types must match:
   * result is []float64, a literal is []interface {}; floats compare with ==, so NaN != NaN, but a
   * slice is equal to itself); 1.17.7 compares element by element with Equal.
   */
  @Test
  void listEqualityFollowsEachEngine() throws Exception {
    assertThat(eval("result == [0.5]", list(0.5), OLD)).isEqualTo(false);
    assertThat(eval("result == [0.5]", list(0.5), NEW)).isEqualTo(true);
    assertThat(eval("result == [NaN]".replace("NaN", "0.0/0.0"), list(Double.NaN), NEW))
        .isEqualTo(false);
    assertThat(eval("[0.5] == [0.5]", List.of(), OLD)).isEqualTo(true);
    assertThat(eval("[1] == [1.0]", List.of(), OLD)).isEqualTo(false);
    assertThat(eval("[1] == [1.0]", List.of(), NEW)).isEqualTo(true);
    assertThat(eval("[0.0/0.0] == [0.0/0.0]", List.of(), OLD)).isEqualTo(false);
    assertThat(eval("result == result", list(Double.NaN), OLD)).isEqualTo(true);
    assertThat(eval("result == result", list(Double.NaN), NEW)).isEqualTo(false);
    assertThat(eval("result == []", List.of(), OLD)).isEqualTo(false);
    assertThat(eval("result == []", List.of(), NEW)).isEqualTo(true);
  }

  /**
   * builtin first/last recover from the index panic and return nil; runtime.Less then panics
   * ("invalid operation: <nil> < float64"), while result[0] panics in runtime.Fetch.
   */
  @Test
  void firstAndLastOfAnEmptyListAreNilAndTheComparisonErrors() throws Exception {
    for (ExprVersion v : ExprVersion.values()) {
      assertThat(eval("first(result) == nil", List.of(), v)).isEqualTo(true);
      assertThat(eval("(last(result) ?? 0) < 0.01", List.of(), v)).isEqualTo(true);
      assertThatThrownBy(() -> eval("first(result) < 0.01", List.of(), v))
          .isInstanceOfSatisfying(
              ConditionEvaluator.RuntimeFailure.class,
              f -> {
                assertThat(f.nilValue()).isTrue();
                assertThat(f.indexOutOfRange()).isFalse();
              });
      assertThatThrownBy(() -> eval("(result[0] ?? 0) < 0.01", List.of(), v))
          .isInstanceOfSatisfying(
              ConditionEvaluator.RuntimeFailure.class,
              f -> assertThat(f.indexOutOfRange()).isTrue());
    }
  }

  /**
   * checker.go BinaryNode and vm/runtime: int op int stays int for + - *, / and ** are float, %
   * needs ints (float % is a compile error) and x % 0 panics (integer divide by zero).
   */
  @Test
  void integerAndFloatArithmetic() throws Exception {
    assertThat(eval("7 / 2", List.of(), OLD)).isEqualTo(3.5);
    assertThat(eval("7 % 2", List.of(), OLD)).isEqualTo(1L);
    assertThat(eval("2 * 3 + 1", List.of(), OLD)).isEqualTo(7L);
    assertThat(eval("2 ** 3", List.of(), OLD)).isEqualTo(8.0);
    assertThat(eval("1 + 0.5", List.of(), OLD)).isEqualTo(1.5);
    assertThat(eval("1 / 0", List.of(), OLD)).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(eval("9223372036854775807 + 1", List.of(), OLD)).isEqualTo(Long.MIN_VALUE);
    assertThat(eval("1 == 1.0", List.of(), OLD)).isEqualTo(true);
    assertThatThrownBy(() -> eval("1 % 0", List.of(), OLD))
        .isInstanceOf(ConditionEvaluator.RuntimeFailure.class)
        .hasMessage("integer divide by zero");
    for (ExprVersion v : ExprVersion.values()) {
      assertThat(types("result[0] % 2 == 0", Type.FLOAT_LIST, v).problems())
          .singleElement()
          .satisfies(
              p ->
                  assertThat(p.message())
                      .isEqualTo("invalid operation: % (mismatched types float64 and int)"));
    }
  }

  /**
   * builtin Len: a number is "invalid argument for len" (a compile error for a scalar result,
   * checker's len Validate); strings count bytes in 1.15.5 and runes (utf8.RuneCountInString) in
   * 1.17.7.
   */
  @Test
  void lenOfAScalarIsAnErrorAndLenOfAStringDependsOnTheEngine() throws Exception {
    assertThat(types("len(result) > 0", Type.FLOAT, OLD).problems())
        .singleElement()
        .satisfies(
            p -> assertThat(p.message()).isEqualTo("invalid argument for len (type float64)"));
    assertThatThrownBy(() -> eval("len(result) > 0", Double.NaN, OLD))
        .isInstanceOf(ConditionEvaluator.RuntimeFailure.class)
        .hasMessage("invalid argument for len (type float64)");
    assertThat(eval("len('µs')", List.of(), OLD)).isEqualTo(3L);
    assertThat(eval("len('µs')", List.of(), NEW)).isEqualTo(2L);
  }

  /** 1.15.5 builtin sum and 1.17.7 compiler sum: start from the int 0 and add with runtime.Add. */
  @Test
  void sumOfAnEmptyListIsTheIntZero() throws Exception {
    for (ExprVersion v : ExprVersion.values()) {
      assertThat(eval("sum(result)", List.of(), v)).isEqualTo(0L);
      assertThat((Double) eval("sum(result)", list(0.5, Double.NaN), v)).isNaN();
    }
  }

  /** expr 1.17 added concat, flatten, reverse, uniq, timezone and the bit functions. */
  @Test
  void builtinsDifferByEngine() throws Exception {
    assertThat(Builtins.isKnown("uniq", OLD)).isFalse();
    assertThat(Builtins.isKnown("uniq", NEW)).isTrue();
    assertThat(Builtins.isKnown("median", OLD)).isTrue();
    assertThat(types("len(reverse(result)) > 0", Type.FLOAT_LIST, OLD).problems())
        .singleElement()
        .satisfies(p -> assertThat(p.kind()).isEqualTo(TypeChecker.ProblemKind.VERSION));
    assertThat(types("len(resutl) > 0", Type.FLOAT_LIST, OLD).problems())
        .singleElement()
        .satisfies(p -> assertThat(p.kind()).isEqualTo(TypeChecker.ProblemKind.UNKNOWN_NAME));
  }
}
