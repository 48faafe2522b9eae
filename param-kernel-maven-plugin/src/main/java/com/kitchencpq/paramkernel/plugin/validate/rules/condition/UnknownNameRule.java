package com.kitchencpq.paramkernel.plugin.validate.rules.condition;

import com.kitchencpq.paramkernel.plugin.expr.TypeChecker;
import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.rules.MetricConditions;

/**
 * A name in a condition that is not {@code result}, one of Argo's helpers ({@code asInt}, {@code
 * asFloat}, {@code isNaN}, {@code isInf}, {@code isNil}, {@code default}) or an expr-lang builtin:
 * expr fails to compile it ({@code unknown name x}), every measurement is an Error.
 */
public final class UnknownNameRule extends ConditionRule {
  public UnknownNameRule() {
    super(
        "condition.unknown-name",
        "Conditions may only use result, Argo's helpers and expr builtins.");
  }

  @Override
  protected void check(MetricConditions.Metric m, MetricConditions.Condition c, FindingSink out) {
    if (!c.parsed()) {
      return;
    }
    for (TypeChecker.Problem p : c.types().problems()) {
      if (p.kind() == TypeChecker.ProblemKind.UNKNOWN_NAME) {
        out.error(
            c.node(),
            where(m, c)
                + ": "
                + p.message()
                + at(p.offset())
                + "; only result, asInt, asFloat, isNaN, isInf, isNil, default and the expr-lang"
                + " builtins exist, so every measurement would be an Error");
      }
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.error(
            "ours",
            "names other than `result`, Argo's `asInt asFloat isNaN isInf isNil default` and expr "
                + "builtins (`resutl`, `isNan`)")
        .why("expr fails with `unknown name`: every measurement is an Error")
        .fix(
            "Use `result`, Argo's helpers or expr builtins, spelled as they are (`isNaN`, not "
                + "`isNan`).");
  }
}
