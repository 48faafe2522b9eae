package com.kitchencpq.paramkernel.plugin.validate.rules.condition;

import com.kitchencpq.paramkernel.plugin.core.PropertyNames;
import com.kitchencpq.paramkernel.plugin.expr.TypeChecker;
import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.rules.MetricConditions;

/**
 * A condition the expression engine of the chosen Argo Rollouts version rejects at compile time
 * although a newer engine accepts it: {@code max(result)} or {@code min(result)} over a Prometheus
 * vector, {@code sum} with a predicate, {@code mean} of several values, or a builtin such as {@code
 * uniq}, with Argo Rollouts 1.7 to 1.9 (github.com/antonmedv/expr v1.15.5: {@code
 * builtin/builtin.go}, the {@code Validate} of max/min accepts numbers only). Argo compiles the
 * condition at every measurement ({@code utils/evaluate/evaluate.go}, {@code EvalCondition}), so
 * every measurement is an Error and the fifth in a row (default consecutiveErrorLimit 4) aborts the
 * rollout.
 */
public final class ExprVersionRule extends ConditionRule {
  public ExprVersionRule() {
    super(
        "condition.expr-version",
        "Conditions must compile with the expression engine of the chosen Argo Rollouts version.");
  }

  @Override
  protected void check(MetricConditions.Metric m, MetricConditions.Condition c, FindingSink out) {
    if (!c.parsed()) {
      return;
    }
    for (TypeChecker.Problem p : c.types().problems()) {
      if (p.kind() == TypeChecker.ProblemKind.VERSION) {
        out.error(
            c.node(),
            where(m, c)
                + ": "
                + p.message()
                + at(p.offset())
                + ". The Argo Rollouts version"
                + " checked for evaluates conditions with "
                + m.engine().label()
                + ", which rejects this when it compiles the condition, so every measurement is an"
                + " Error and the fifth in a row aborts the rollout; rewrite it for that engine"
                + " (for a vector: len(result) > 0 && all(result, # < 0.5) instead of max(result) <"
                + " 0.5), or set "
                + PropertyNames.VALIDATE_ARGO_VERSION
                + " if the cluster runs a newer"
                + " Argo Rollouts");
      }
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.error(
            "ours",
            "a condition the chosen version's expression engine rejects although a newer one"
                + " accepts it: with Argo Rollouts 1.7–1.9 (antonmedv/expr 1.15.5)"
                + " `max(result)`/`min(result)` over a vector, `sum(list, predicate)`,"
                + " `mean`/`median` of several values, and the 1.17 builtins `concat flatten"
                + " reverse uniq timezone bit*`")
        .why(
            "Argo compiles the condition at every measurement: each one is an Error, the fifth in "
                + "a row aborts the rollout")
        .fix(
            "Write it for the engine of the Argo Rollouts you run (`len(result) > 0 && all(result, "
                + "# < 0.5)` for `max(result) < 0.5`), or set `paramkernel.validate.argoVersion`.");
  }
}
