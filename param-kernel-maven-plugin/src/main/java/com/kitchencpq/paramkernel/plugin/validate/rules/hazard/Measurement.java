package com.kitchencpq.paramkernel.plugin.validate.rules.hazard;

import com.kitchencpq.paramkernel.plugin.expr.ConditionEvaluator;
import com.kitchencpq.paramkernel.plugin.validate.rules.MetricConditions;
import java.util.List;
import java.util.Optional;

/**
 * What Argo decides for one measurement of a metric when the provider returns a given sample: the
 * success condition is evaluated first (its error wins), then the failure condition, then the table
 * of {@code EvaluateResult} (failure wins; neither true with both set is Inconclusive; success
 * alone false is Failed; failure alone false is Successful).
 */
final class Measurement {
  private Measurement() {}

  /** A measurement's phase; UNKNOWN when the evaluator cannot tell. */
  enum Phase {
    SUCCESSFUL,
    FAILED,
    INCONCLUSIVE,
    ERROR,
    UNKNOWN
  }

  /** The empty vector Prometheus returns when the query matches no series. */
  static final Object EMPTY = List.of();

  /** A vector holding NaN: a ratio over a window without requests (0/0). */
  static final Object NAN_VECTOR = List.of(Double.NaN);

  /** A NaN scalar. */
  static final Object NAN_SCALAR = Double.NaN;

  /** One condition's value for a sample: true/false, a run-time failure, or unknown (all empty). */
  record Value(Optional<Boolean> value, Optional<ConditionEvaluator.RuntimeFailure> failure) {
    boolean unknown() {
      return value.isEmpty() && failure.isEmpty();
    }
  }

  static Value evaluate(MetricConditions.Metric m, MetricConditions.Condition c, Object sample) {
    if (!c.clean()) {
      return new Value(Optional.empty(), Optional.empty());
    }
    try {
      Object v = ConditionEvaluator.evaluate(c.expr(), sample, m.engine());
      return v instanceof Boolean b
          ? new Value(Optional.of(b), Optional.empty())
          : new Value(Optional.empty(), Optional.empty());
    } catch (ConditionEvaluator.RuntimeFailure f) {
      return new Value(Optional.empty(), Optional.of(f));
    } catch (ConditionEvaluator.Unsupported u) {
      return new Value(Optional.empty(), Optional.empty());
    }
  }

  static Phase phase(MetricConditions.Metric m, Object sample) {
    Boolean success = null;
    Boolean failure = null;
    if (m.success().isPresent()) {
      Value v = evaluate(m, m.success().get(), sample);
      if (v.failure().isPresent()) {
        return Phase.ERROR;
      }
      if (v.unknown()) {
        return Phase.UNKNOWN;
      }
      success = v.value().get();
    }
    if (m.failure().isPresent()) {
      Value v = evaluate(m, m.failure().get(), sample);
      if (v.failure().isPresent()) {
        return Phase.ERROR;
      }
      if (v.unknown()) {
        return Phase.UNKNOWN;
      }
      failure = v.value().get();
    }
    if (success == null && failure == null) {
      return Phase.SUCCESSFUL;
    }
    if (success == null) {
      return failure ? Phase.FAILED : Phase.SUCCESSFUL;
    }
    if (failure == null) {
      return success ? Phase.SUCCESSFUL : Phase.FAILED;
    }
    return failure ? Phase.FAILED : success ? Phase.SUCCESSFUL : Phase.INCONCLUSIVE;
  }
}
