package com.kitchencpq.paramkernel.plugin.validate.rules.condition;

import com.kitchencpq.paramkernel.plugin.expr.TypeChecker;
import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.rules.MetricConditions;

/**
 * Any other operation expr-lang rejects at compile time for sure (a string compared with a number,
 * {@code &&} on numbers, {@code #} outside a predicate...): every measurement is an Error.
 */
public final class TypeMismatchRule extends ConditionRule {
  public TypeMismatchRule() {
    super("condition.type-mismatch", "Conditions must not combine values of incompatible types.");
  }

  @Override
  protected void check(MetricConditions.Metric m, MetricConditions.Condition c, FindingSink out) {
    if (!c.parsed()) {
      return;
    }
    for (TypeChecker.Problem p : c.types().problems()) {
      if (p.kind() == TypeChecker.ProblemKind.TYPE) {
        out.error(
            c.node(),
            where(m, c)
                + ": "
                + p.message()
                + at(p.offset())
                + "; expr-lang rejects this, so every measurement would be an Error");
      }
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.error(
            "ours",
            "other sure type errors (`result[0] < 'high'`, `x && 2`, `#` outside a predicate)")
        .why("expr rejects them at compile time")
        .fix("Compare values of one type: numbers with numbers, strings with strings.");
  }
}
