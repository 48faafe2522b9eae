package com.kitchencpq.paramkernel.service.kernel.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ExprParserTest {

  private static double eval(String src) throws ExprError {
    Node n = ExprParser.parse(src);
    assertThat(n.check()).isEqualTo(Type.NUMBER);
    return n.num(new Values(0));
  }

  private static boolean evalBool(String src) throws ExprError {
    Node n = ExprParser.parse(src);
    assertThat(n.check()).isEqualTo(Type.BOOLEAN);
    return n.bool(new Values(0));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = ';',
      value = {
        "1 + 2 * 3; 7",
        "(1 + 2) * 3; 9",
        "10 - 4 - 3; 3",
        "2 * 3 % 4; 2",
        "-7 % 3; -1",
        "7 % -3; 1",
        "--2; 2",
        "-(2 + 3); -5",
        "1e3; 1000",
        "1E-3 * 1000; 1",
        "2.5e+1; 25",
        "min(3, 1, 2); 1",
        "max(3); 3",
        "abs(-2.5); 2.5",
        "ceil(1.2); 2",
        "floor(-1.2); -2",
        "sqrt(16); 4",
        "round(2.5); 3",
        "round(-2.5); -3",
        "round(0.125, 2); 0.13",
        "round(-0.125, 2); -0.13",
        "round(1234.5678, 0); 1235",
        "clamp(5, 1, 3); 3",
        "clamp(-5, 1, 3); 1",
        "clamp(2, 2, 2); 2",
        "if(1 < 2, 10, 20); 10",
        "if(1 > 2, 10, 20); 20",
        "if(true, 1, 1/0); 1",
        "if(false, sqrt(-1), 5); 5",
        "1+2*3-4/2; 5"
      })
  void evaluatesNumbers(String src, double expected) throws ExprError {
    assertThat(eval(src)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "1 < 2; true",
        "2 <= 2; true",
        "3 > 4; false",
        "4 >= 4; true",
        "1 == 1; true",
        "1 != 1; false",
        "\"a\" == \"a\"; true",
        "\"a\" != \"b\"; true",
        "true == false; false",
        "!true; false",
        "!!true; true",
        "true && false || true; true",
        "false && 1/0 > 1; false",
        "true || sqrt(-1) > 0; true",
        "1 < 2 && 2 < 3; true",
        "(1 < 2) == true; true"
      })
  void evaluatesBooleans(String src, boolean expected) throws ExprError {
    assertThat(evalBool(src)).isEqualTo(expected);
  }

  @Test
  void spaceTabAndNewlineAreWhitespace() throws ExprError {
    assertThat(eval(" \t\n1\n+\t2 ")).isEqualTo(3);
  }

  @Test
  void stringLiteralsWithEscapes() throws ExprError {
    Node n = ExprParser.parse("if(true, \"a\\\"b\\\\c\", \"\")");
    assertThat(n.check()).isEqualTo(Type.STRING);
    assertThat(n.str(new Values(0))).isEqualTo("a\"b\\c");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = ';',
      value = {
        "'';empty expression",
        "1 +;end of expression at offset 3",
        "1 < 2 < 3;comparisons do not chain",
        "1 == 2 != 3;comparisons do not chain",
        ".5;unexpected character '.' at offset 0",
        "5.;ends with '.'",
        "1e;exponent without digits",
        "1.e5;ends with '.'",
        "2x;unexpected 'x' at offset 1",
        "a.;not followed by a name part",
        "a..b;not followed by a name part",
        "\"abc;not closed",
        "\"a\\nb\";bad escape at offset 2",
        "1 = 1;did you mean '=='",
        "a & b;did you mean '&&'",
        "a | b;did you mean '||'",
        "(1 + 2;expected ')'",
        "1 + 2);unexpected ')' at offset 5",
        "foo(1);unknown function 'foo' at offset 0",
        "a.b(1);unknown function 'a.b'",
        "min();takes at least 1 argument",
        "abs(1, 2);takes 1 argument, got 2",
        "round(1, 2, 3);takes 1 or 2 arguments, got 3",
        "clamp(1, 2);takes 3 arguments, got 2",
        "if(true, 1);takes 3 arguments, got 2",
        "min(1,);unexpected ')' at offset 6",
        "1 $ 2;unexpected character '$' at offset 2",
        "1\r+ 2;unexpected character '\\u000d' at offset 1",
        "1 2;unexpected number 2 at offset 2",
        "a b;unexpected name 'b' at offset 2"
      })
  void syntaxErrorsNameTheOffset(String src, String fragment) {
    ExprError e = catchThrowableOfType(ExprError.class, () -> ExprParser.parse(src));
    assertThat(e).as(src).isNotNull();
    assertThat(e.code()).isEqualTo("expression-syntax");
    assertThat(e.getMessage()).contains(fragment);
  }

  @Test
  void literalOutOfRangeIsNonFinite() {
    ExprError e = catchThrowableOfType(ExprError.class, () -> ExprParser.parse("1e999 + 1"));
    assertThat(e.code()).isEqualTo("non-finite");
    assertThat(e.getMessage()).contains("offset 0");
  }

  @Test
  void namesWithDotsAndKeywords() throws ExprError {
    Node n = ExprParser.parse("cab1.front_area.x + _y * if(true, iff, 2)");
    List<Node.Ref> refs = new ArrayList<>();
    n.collectRefs(refs);
    assertThat(refs).extracting(r -> r.name).containsExactly("cab1.front_area.x", "_y", "iff");
    assertThat(ExprParser.parse("true")).isInstanceOf(Node.BoolLit.class);
    assertThat(ExprParser.parse("truex")).isInstanceOf(Node.Ref.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "_", "a1.b_2", "A.B.C", "x_"})
  void validNames(String name) {
    assertThat(ExprParser.isValidName(name)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1a", "a.", ".a", "a..b", "a-b", "a b", "a.1", "é"})
  void invalidNames(String name) {
    assertThat(ExprParser.isValidName(name)).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "1 + \"a\";operator '+' at offset 2 needs a number, got a string (at offset 4)",
        "1 == \"a\";compares a number with a string",
        "\"a\" < \"b\";needs a number, got a string",
        "1 && true;needs a boolean, got a number",
        "!1;needs a boolean, got a number",
        "-true;needs a number, got a boolean",
        "if(1, 2, 3);the condition of if() at offset 0 needs a boolean, got a number (at offset 3)",
        "if(true, 1, \"a\");branches of different types: number and string",
        "min(1, true);argument 2 of min()",
        "round(\"a\");argument 1 of round()"
      })
  void typeErrors(String src, String fragment) throws ExprError {
    Node n = ExprParser.parse(src);
    ExprError e = catchThrowableOfType(ExprError.class, n::check);
    assertThat(e).as(src).isNotNull();
    assertThat(e.code()).isEqualTo("type-mismatch");
    assertThat(e.getMessage()).contains(fragment);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "1 / 0;non-finite;operator '/' at offset 2",
        "0 / 0;non-finite;NaN",
        "5 % 0;non-finite;operator '%'",
        "sqrt(-1);non-finite;sqrt()",
        "min(1/0, 3);non-finite;operator '/'",
        "1e308 * 10;non-finite;Infinity",
        "-1e308 - 1e308;non-finite;-Infinity",
        "round(1e300, 15);non-finite;round()",
        "round(1, 16);invalid-argument;digits must be an integer from 0 to 15",
        "round(1, -1);invalid-argument;got -1",
        "round(1, 1.5);invalid-argument;got 1.5",
        "clamp(1, 3, 2);invalid-argument;lo 3 is greater than hi 2"
      })
  void evaluationErrors(String src, String code, String fragment) throws ExprError {
    Node n = ExprParser.parse(src);
    n.check();
    EvalError e = catchThrowableOfType(EvalError.class, () -> n.num(new Values(0)));
    assertThat(e).as(src).isNotNull();
    assertThat(e.code()).isEqualTo(code);
    assertThat(e.getMessage()).contains(fragment);
  }

  @Test
  void deepNestingIsASyntaxErrorNotAStackOverflow() {
    for (String deep :
        List.of(
            "(".repeat(100_000) + "1" + ")".repeat(100_000),
            "-".repeat(100_000) + "1",
            "!".repeat(100_000) + "true",
            "abs(".repeat(50_000) + "1" + ")".repeat(50_000),
            "1" + "+1".repeat(5_000))) {
      ExprError e = catchThrowableOfType(ExprError.class, () -> ExprParser.parse(deep));
      assertThat(e).isNotNull();
      assertThat(e.code()).isEqualTo("expression-syntax");
      assertThat(e.getMessage()).contains("too deep");
    }
  }

  @Test
  void nestingJustBelowTheLimitsWorks() {
    String nested = "(".repeat(ExprParser.MAX_NESTING) + "1" + ")".repeat(ExprParser.MAX_NESTING);
    assertThatCode(() -> assertThat(eval(nested)).isEqualTo(1)).doesNotThrowAnyException();
    String chain = "1" + "+1".repeat(ExprParser.MAX_HEIGHT - 1);
    assertThatCode(() -> assertThat(eval(chain)).isEqualTo(ExprParser.MAX_HEIGHT))
        .doesNotThrowAnyException();
  }
}
