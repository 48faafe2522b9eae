package com.kitchencpq.paramkernel.plugin.validate.rules.hazard;

import com.kitchencpq.paramkernel.plugin.expr.Expr;
import com.kitchencpq.paramkernel.plugin.expr.Exprs;
import com.kitchencpq.paramkernel.plugin.promql.PromQl;
import com.kitchencpq.paramkernel.plugin.validate.rules.MetricConditions;
import com.kitchencpq.paramkernel.plugin.validate.rules.plan.RolloutPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Recognises histogram_quantile queries and the thresholds their conditions compare with. */
final class Histograms {
  private Histograms() {}

  /** A threshold of one condition of the metric. */
  record Compared(MetricConditions.Condition condition, Exprs.Threshold threshold) {}

  static List<PromQl.Call> quantileCalls(PromQl.Node query) {
    return PromQl.nodes(query).stream()
        .filter(PromQl.Call.class::isInstance)
        .map(PromQl.Call.class::cast)
        .filter(c -> c.name().equals("histogram_quantile"))
        .toList();
  }

  /**
   * True when the metric's result is a histogram_quantile over the service's latency buckets: the
   * query is that call (arithmetic on quantiles, such as canary p95 / stable p95, is a ratio, not a
   * latency, and is left out).
   */
  static boolean overServiceHistogram(MetricConditions.Metric m) {
    if (m.query().isEmpty()
        || !(PromQl.unwrap(m.query().get()) instanceof PromQl.Call top)
        || !top.name().equals("histogram_quantile")) {
      return false;
    }
    String bucket = RolloutPlan.PARAM_KERNEL.latency().series();
    return quantileCalls(m.query().get()).stream()
        .anyMatch(
            c ->
                PromQl.selectors(c).stream()
                    .anyMatch(
                        s ->
                            s.name().equals(bucket)
                                || s.matchers().stream()
                                    .anyMatch(
                                        x ->
                                            x.label().equals("__name__")
                                                && x.value().equals(bucket))));
  }

  /**
   * Thresholds compared directly with the quantile ({@code result}, {@code result[i]}); scaled
   * values ({@code result[0] * 1000}) are in other units and left out.
   */
  static List<Compared> thresholds(MetricConditions.Metric m) {
    List<Compared> out = new ArrayList<>();
    for (MetricConditions.Condition c : m.conditions()) {
      if (!c.clean()) {
        continue;
      }
      for (Exprs.Threshold t : Exprs.thresholds(c.expr())) {
        if (isPlainResult(t.subject()) && !t.op().equals("==") && !t.op().equals("!=")) {
          out.add(new Compared(c, t));
        }
      }
    }
    return out;
  }

  private static boolean isPlainResult(Expr e) {
    if (e instanceof Expr.Ident id) {
      return id.name().equals("result");
    }
    return e instanceof Expr.Index i
        && i.target() instanceof Expr.Ident id
        && id.name().equals("result");
  }

  /**
   * The aggregation directly under histogram_quantile's second argument when it drops the {@code
   * le} label (no {@code by (le)}, or {@code without (le)}): the quantile then has no buckets to
   * work with and Prometheus returns an empty vector.
   */
  static Optional<PromQl.Agg> aggregationWithoutLe(PromQl.Call quantile) {
    if (quantile.args().size() < 2) {
      return Optional.empty();
    }
    Optional<PromQl.Agg> agg = firstAggregation(quantile.args().get(1));
    if (agg.isEmpty()) {
      return Optional.empty();
    }
    PromQl.Agg a = agg.get();
    boolean keepsLe =
        a.grouping().equals("by")
            ? a.labels().contains("le")
            : a.grouping().equals("without") && !a.labels().contains("le");
    return keepsLe ? Optional.empty() : agg;
  }

  private static Optional<PromQl.Agg> firstAggregation(PromQl.Node n) {
    if (n instanceof PromQl.Agg a) {
      return Optional.of(a);
    }
    if (n instanceof PromQl.Paren p) {
      return firstAggregation(p.inner());
    }
    if (n instanceof PromQl.Call c) {
      for (PromQl.Node arg : c.args()) {
        Optional<PromQl.Agg> found = firstAggregation(arg);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    if (n instanceof PromQl.Binary b) {
      Optional<PromQl.Agg> l = firstAggregation(b.left());
      return l.isPresent() ? l : firstAggregation(b.right());
    }
    return Optional.empty();
  }
}
