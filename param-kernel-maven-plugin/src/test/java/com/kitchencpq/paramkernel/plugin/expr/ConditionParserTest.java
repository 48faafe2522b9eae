package com.kitchencpq.paramkernel.plugin.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConditionParserTest {

  /** Prints a tree with full parentheses so precedence is visible. */
  static String show(Expr e) {
    if (e instanceof Expr.Literal l) {
      return l.value() instanceof String s ? "'" + s + "'" : String.valueOf(l.value());
    } else if (e instanceof Expr.Ident id) {
      return id.name();
    } else if (e instanceof Expr.Pointer p) {
      return "#" + p.name();
    } else if (e instanceof Expr.Placeholder p) {
      return p.tag();
    } else if (e instanceof Expr.Member m) {
      return show(m.target()) + (m.optional() ? "?." : ".") + m.name();
    } else if (e instanceof Expr.Index i) {
      return show(i.target()) + "[" + show(i.index()) + "]";
    } else if (e instanceof Expr.Slice s) {
      return show(s.target())
          + "["
          + (s.from() == null ? "" : show(s.from()))
          + ":"
          + (s.to() == null ? "" : show(s.to()))
          + "]";
    } else if (e instanceof Expr.Call c) {
      return c.name() + "(" + list(c.args()) + ")";
    } else if (e instanceof Expr.MethodCall c) {
      return show(c.target()) + "." + c.name() + "(" + list(c.args()) + ")";
    } else if (e instanceof Expr.Closure c) {
      return "{" + show(c.body()) + "}";
    } else if (e instanceof Expr.Unary u) {
      return "(" + u.op() + " " + show(u.operand()) + ")";
    } else if (e instanceof Expr.Binary b) {
      return "(" + show(b.left()) + " " + b.op() + " " + show(b.right()) + ")";
    } else if (e instanceof Expr.Conditional c) {
      return "(" + show(c.cond()) + " ? " + show(c.then()) + " : " + show(c.otherwise()) + ")";
    } else if (e instanceof Expr.ArrayLit a) {
      return "[" + list(a.items()) + "]";
    } else if (e instanceof Expr.MapLit m) {
      return "{map " + m.keys().size() + "}";
    } else if (e instanceof Expr.Let l) {
      return "let " + l.name() + " = " + show(l.value()) + "; " + show(l.body());
    }
    throw new IllegalStateException();
  }

  private static String list(List<Expr> items) {
    return items.stream().map(ConditionParserTest::show).collect(Collectors.joining(", "));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = " => ",
      quoteCharacter = '"',
      value = {
        "result[0] >= 0.95 => (result[0] >= 0.95)",
        "result >= 0.95 => (result >= 0.95)",
        "len(result) > 0 && result[0] < 0.01 => ((len(result) > 0) && (result[0] < 0.01))",
        "len(result) == 0 || result[0] >= 0.95 => ((len(result) == 0) || (result[0] >= 0.95))",
        "a || b && c => (a || (b && c))",
        "a or b and not c => (a or (b and (not c)))",
        "!(result[0] > 0.03) => (! (result[0] > 0.03))",
        "!result[0] > 0.03 => ((! result[0]) > 0.03)",
        "not isNaN(result[0]) and result[0] < 1 => ((not isNaN(result[0])) and (result[0] < 1))",
        "1 + 2 * 3 ** 2 ** 2 => (1 + (2 * (3 ** (2 ** 2))))",
        "-2 ** 2 => (- (2 ** 2))",
        "10 % 3 - 1 / 2 => ((10 % 3) - (1 / 2))",
        "result == 'It worked!' => (result == 'It worked!')",
        "result == \"{{args.success-condition}}\" => (result == '{{args.success-condition}}')",
        "result[0] >= {{ args.threshold }} => (result[0] >= {{ args.threshold }})",
        "result.major == '1' => (result.major == '1')",
        "result?.Status == 999 => (result?.Status == 999)",
        "all(result, # < 1000) => all(result, {(# < 1000)})",
        "all(result, {# < 1000}) => all(result, {(# < 1000)})",
        "any(result, .Status == 1) => any(result, {(#.Status == 1)})",
        "filter(result, # > 0) | len() > 2 => (len(filter(result, {(# > 0)})) > 2)",
        "map(result, # * 2)[0] > 1 => (map(result, {(# * 2)})[0] > 1)",
        "result[0] in [1, 2, 3] => (result[0] in [1, 2, 3])",
        "result[0] not in [1, 2] => (result[0] not in [1, 2])",
        "result matches '^ok' && result contains 'k' => ((result matches '^ok') && (result contains"
            + " 'k'))",
        "result startsWith 'a' or result endsWith 'z' => ((result startsWith 'a') or (result"
            + " endsWith 'z'))",
        "result[0] > 1 ? true : false => ((result[0] > 1) ? true : false)",
        "result ?? 0 > 1 => ((result ?? 0) > 1)",
        "default(result, 0) >= 0.9 => (default(result, 0) >= 0.9)",
        "isNil(result) || asFloat(result) > 1e-3 => (isNil(result) || (asFloat(result) > 0.001))",
        "asInt(result) == 0x1F => (asInt(result) == 31)",
        "result[1:3] == result[:2] => (result[1:3] == result[:2])",
        "result[-1] < 1_000 => (result[(- 1)] < 1000)",
        "let r = result[0]; r > 1 && r < 2 => let r = result[0]; ((r > 1) && (r < 2))",
        "max(result) <= 0.5 and mean(result) < .3 => ((max(result) <= 0.5) and (mean(result) <"
            + " 0.3))",
        "1..3 == [1, 2, 3] => ((1 .. 3) == [1, 2, 3])",
        "result.items[0].value > 1 => (result.items[0].value > 1)",
        "`raw` == result => ('raw' == result)",
      })
  void parsesWithExprPrecedence(String source, String tree) throws Exception {
    assertThat(show(ConditionParser.parse(source))).isEqualTo(tree);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "result[0] >=                | unexpected end of the condition | 12",
        "result[0 > 1                | expected ']'                    | 12",
        "(result > 1                 | expected ')'                    | 11",
        "result[0] > 1 1             | unexpected token '1'            | 14",
        "result = 1                  | unexpected token '='            | 7",
        "result == 'open             | literal not terminated          | 10",
        "result[0] > 0.9.1           | unexpected token                | 15",
        "result[0] ~ 1               | unexpected character '~'        | 10",
        "and result                  | unexpected token 'and'          | 0",
        "''                          | unexpected                      | -1",
      })
  void rejectsMalformedConditions(String source, String message, int offset) {
    if (source.equals("''")) {
      assertThatThrownBy(() -> ConditionParser.parse("   "))
          .isInstanceOf(ConditionSyntaxException.class)
          .hasMessageContaining("empty");
      return;
    }
    assertThatThrownBy(() -> ConditionParser.parse(source))
        .isInstanceOfSatisfying(
            ConditionSyntaxException.class,
            e -> {
              assertThat(e.getMessage()).contains(message);
              assertThat(e.offset()).isEqualTo(offset);
            });
  }
}
