package com.kitchencpq.paramkernel.plugin.analyze;

import com.kitchencpq.paramkernel.plugin.argo.ArgoVersion;
import com.kitchencpq.paramkernel.plugin.expr.ConditionEvaluator;
import com.kitchencpq.paramkernel.plugin.expr.ConditionParser;
import com.kitchencpq.paramkernel.plugin.expr.ConditionSyntaxException;
import com.kitchencpq.paramkernel.plugin.expr.Expr;
import com.kitchencpq.paramkernel.plugin.expr.TimeExpression;
import com.kitchencpq.paramkernel.plugin.expr.Type;
import com.kitchencpq.paramkernel.plugin.expr.TypeChecker;
import java.util.List;

/**
 * How a measured value becomes a measurement phase: {@code EvaluateResult} and {@code
 * EvalCondition} of {@code utils/evaluate/evaluate.go}, on the plugin's expression engine ({@code
 * expr} package), which also validate uses.
 *
 * <p>A condition the engine cannot evaluate (a builtin or operator it does not model) makes the
 * measurement an Error whose message names the construct. Nothing is guessed.
 */
final class ConditionEvaluation {
  private ConditionEvaluation() {}

  /** The phase of a measurement, and the error text when it is Error. */
  record Outcome(Phase phase, String error) {
    static Outcome of(Phase p) {
      return new Outcome(p, "");
    }
  }

  /** A condition could not be evaluated; the message is what Argo would show. */
  static final class EvaluationError extends Exception {
    private static final long serialVersionUID = 1L;

    EvaluationError(String message) {
      super(message);
    }
  }

  /**
   * {@code EvaluateResult}: successCondition first (an error there ends it), then failureCondition.
   * No condition at all: Successful. Only a success condition: Failed when it is false. Only a
   * failure condition: Successful when it is false. Both: Failed when the failure condition holds
   * (even if the success condition does too), Successful when only the success condition holds,
   * Inconclusive when neither does.
   *
   * @param result a {@code Double} (scalar) or a {@code List<Double>} (vector, flattened matrix)
   */
  static Outcome evaluateResult(
      Object result, String successCondition, String failureCondition, ArgoVersion release) {
    boolean success = false;
    boolean failure = false;
    if (!successCondition.isEmpty()) {
      try {
        success = evalCondition(result, successCondition, release);
      } catch (EvaluationError e) {
        return new Outcome(
            Phase.ERROR, format(e, "successCondition", successCondition, result, release));
      }
    }
    if (!failureCondition.isEmpty()) {
      try {
        failure = evalCondition(result, failureCondition, release);
      } catch (EvaluationError e) {
        return new Outcome(
            Phase.ERROR, format(e, "failureCondition", failureCondition, result, release));
      }
    }
    if (successCondition.isEmpty() && failureCondition.isEmpty()) {
      return Outcome.of(Phase.SUCCESSFUL);
    } else if (!successCondition.isEmpty() && failureCondition.isEmpty()) {
      failure = !success;
    } else if (successCondition.isEmpty()) {
      success = !failure;
    }
    if (failure) {
      return Outcome.of(Phase.FAILED);
    }
    if (!success) {
      return Outcome.of(Phase.INCONCLUSIVE);
    }
    return Outcome.of(Phase.SUCCESSFUL);
  }

  /**
   * v1.10's {@code formatEvalError}: {@code could not evaluate successCondition "<expr>": <err>},
   * or {@code ...: metric result is nil or empty: no data returned from the metric provider} when
   * the result is an empty list. Earlier releases show the engine's error alone.
   */
  private static String format(
      EvaluationError e, String field, String condition, Object result, ArgoVersion r) {
    if (!r.wrapsEvaluationErrors()) {
      return e.getMessage();
    }
    if (result == null || (result instanceof List<?> l && l.isEmpty())) {
      return "could not evaluate "
          + field
          + " \""
          + condition
          + "\": metric result is nil or empty: no data returned from the metric provider";
    }
    return "could not evaluate " + field + " \"" + condition + "\": " + e.getMessage();
  }

  /**
   * {@code EvalCondition}: compiles the condition with {@code result} in the environment (expr
   * checks the types against the value's actual type, so {@code result >= 1} fails to compile for a
   * vector), runs it, and requires a bool. Type checks and evaluation follow the expr release that
   * {@code release} embeds (its go.mod): {@code max(result)} over a vector does not compile in expr
   * 1.15.5 (Argo 1.7 to 1.9), it does in 1.17 (1.10).
   */
  static boolean evalCondition(Object result, String condition, ArgoVersion release)
      throws EvaluationError {
    Expr expr;
    try {
      expr = ConditionParser.parse(condition);
    } catch (ConditionSyntaxException e) {
      throw new EvaluationError(e.getMessage());
    }
    TypeChecker.Outcome types = TypeChecker.check(expr, typeOf(result), release.expr());
    if (!types.problems().isEmpty()) {
      throw new EvaluationError(types.problems().get(0).message());
    }
    Object out;
    try {
      out = ConditionEvaluator.evaluate(expr, result, release.expr());
    } catch (ConditionEvaluator.RuntimeFailure e) {
      throw new EvaluationError(e.getMessage());
    } catch (ConditionEvaluator.Unsupported e) {
      throw new EvaluationError(
          "the plugin's expression engine cannot evaluate "
              + e.getMessage()
              + " in the condition \""
              + condition
              + "\"; the measurement is marked Error instead of guessing"
              + " (evaluate it with Argo Rollouts itself, or simplify the condition)");
    }
    if (out instanceof Boolean b) {
      return b;
    }
    throw new EvaluationError("expected bool, but got " + TimeExpression.goType(out));
  }

  /** The static type expr infers for {@code result} from the value. */
  static Type typeOf(Object result) {
    if (result instanceof Double) {
      return Type.FLOAT;
    }
    if (result instanceof List<?>) {
      return Type.FLOAT_LIST;
    }
    return Type.ANY;
  }
}
