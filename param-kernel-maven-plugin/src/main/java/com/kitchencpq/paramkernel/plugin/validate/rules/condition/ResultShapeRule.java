package com.kitchencpq.paramkernel.plugin.validate.rules.condition;

import com.kitchencpq.paramkernel.plugin.expr.ResultShape;
import com.kitchencpq.paramkernel.plugin.expr.TypeChecker;
import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.rules.MetricConditions;

/**
 * {@code result} used against the shape the Prometheus provider gives it: {@code result >= x} or
 * {@code isNaN(result)} on a vector, {@code result[0]} on a scalar. expr-lang type-checks the
 * condition against the actual value, so every measurement is an Error.
 */
public final class ResultShapeRule extends ConditionRule {
  public ResultShapeRule() {
    super(
        "condition.result-shape",
        "Conditions must use result as the provider returns it (list or single float).");
  }

  @Override
  protected void check(MetricConditions.Metric m, MetricConditions.Condition c, FindingSink out) {
    if (!c.parsed()) {
      return;
    }
    for (TypeChecker.Problem p : c.types().problems()) {
      if (p.kind() == TypeChecker.ProblemKind.RESULT_SHAPE) {
        out.error(
            c.node(),
            where(m, c)
                + ": "
                + p.message()
                + at(p.offset())
                + "; "
                + m.shape().explanation()
                + "; "
                + advice(m.shape()));
      }
    }
  }

  private static String advice(ResultShape shape) {
    return switch (shape) {
      case SCALAR ->
          "compare result itself (result < 0.01), or drop scalar(...) from the query and use"
              + " result[0]";
      case VECTOR ->
          "compare one element (len(result) > 0 && result[0] < 0.01), or wrap the query in"
              + " scalar(...)";
      default -> "check every sample, e.g. all(result, # < 0.01)";
    };
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.error(
            "ours",
            "`result` used against the shape the query gives it: `result >= 0.9`, `isNaN(result)`,"
                + " `len(result)` on the wrong side; `result[0]` with `scalar(...)`; scalar use"
                + " with `rangeQuery`")
        .why("expr type-checks against the real value: every measurement is an Error")
        .fix(
            "Use `result` as the query gives it: `result[0]` and `len(result)` for a vector, "
                + "`result` for `scalar(...)`.");
  }
}
