package com.kitchencpq.paramkernel.plugin.expr;

import static org.assertj.core.api.Assertions.assertThatCode;

import com.kitchencpq.paramkernel.plugin.promql.PromQl;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Bad input must never crash the readers: every prefix and many random edits of real conditions and
 * queries either parse or give a syntax error (conditions) / empty (queries).
 */
class RobustnessTest {
  private static final List<String> CONDITIONS =
      List.of(
          "len(result) > 0 && !isNaN(result[0]) && result[0] < 0.01",
          "all(result, {# < 1000}) || any(result, .Status == 1) ? true : false",
          "let r = result[0]; r > 1 and r not in [1, 2] or r matches '^x' && \"{{args.x}}\" =="
              + " `raw`",
          "filter(result, # > 0) | len() > 2 && result?.a[1:2] ?? 0x1F >= -1e-3 ** 2 % 3");
  private static final List<String> QUERIES =
      List.of(
          "(sum(rate(http_requests_total{service=\"{{args.s}}\",code=~\"5..\"}[1m])) or on()"
              + " vector(0)) / sum(rate(x[1m]))",
          "histogram_quantile(0.95, sum by (le) (rate(x_bucket{a!~'b'}[5m:1m] offset 1m)))",
          "scalar(topk(1, max without (pod) (up))) * -2 ^ 3 > bool 1 # comment");

  @Test
  void prefixesAndRandomEditsNeverThrowUnexpectedly() {
    Random random = new Random(42);
    String alphabet = "()[]{}#.,:;?!|&=<>+-*/%^'\"`{}0123456789abcresult ";
    for (String seed : CONDITIONS) {
      for (String s : variants(seed, random, alphabet)) {
        assertThatCode(() -> check(s)).as(s).doesNotThrowAnyException();
      }
    }
    for (String seed : QUERIES) {
      for (String s : variants(seed, random, alphabet)) {
        assertThatCode(() -> PromQl.parse(s).ifPresent(PromQl::shape))
            .as(s)
            .doesNotThrowAnyException();
      }
    }
  }

  private static void check(String s) {
    try {
      Expr e = ConditionParser.parse(s);
      TypeChecker.check(e, Type.FLOAT_LIST);
      TypeChecker.check(e, Type.FLOAT);
      Exprs.thresholds(e);
      try {
        ConditionEvaluator.evaluate(e, List.of());
      } catch (ConditionEvaluator.RuntimeFailure | ConditionEvaluator.Unsupported expected) {
        // both are normal outcomes
      }
    } catch (ConditionSyntaxException expected) {
      // a syntax error is the normal outcome for broken input
    }
  }

  private static List<String> variants(String seed, Random random, String alphabet) {
    List<String> out = new java.util.ArrayList<>();
    for (int i = 0; i <= seed.length(); i++) {
      out.add(seed.substring(0, i));
    }
    for (int i = 0; i < 400; i++) {
      StringBuilder sb = new StringBuilder(seed);
      int edits = 1 + random.nextInt(3);
      for (int k = 0; k < edits; k++) {
        int at = random.nextInt(sb.length() + 1);
        switch (random.nextInt(3)) {
          case 0 -> sb.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
          case 1 -> {
            if (at < sb.length()) {
              sb.deleteCharAt(at);
            }
          }
          default -> {
            if (at < sb.length()) {
              sb.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
            }
          }
        }
      }
      out.add(sb.toString());
    }
    return out;
  }
}
