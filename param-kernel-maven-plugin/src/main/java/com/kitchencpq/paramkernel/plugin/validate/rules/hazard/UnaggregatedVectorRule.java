package com.kitchencpq.paramkernel.plugin.validate.rules.hazard;

import com.kitchencpq.paramkernel.plugin.expr.Expr;
import com.kitchencpq.paramkernel.plugin.expr.Exprs;
import com.kitchencpq.paramkernel.plugin.expr.ResultShape;
import com.kitchencpq.paramkernel.plugin.promql.PromQl;
import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.rules.MetricConditions;
import com.kitchencpq.paramkernel.plugin.validate.rules.PerParsedMetricRule;
import java.util.Set;

/**
 * Warning: a condition reads {@code result[0]} of an instant query that can return several series
 * (no aggregation, or an aggregation {@code by} a label that no {@code label="value"} matcher pins
 * to one value). Argo drops the labels and keeps Prometheus's order, so {@code result[0]} is an
 * arbitrary pod or instance.
 */
public final class UnaggregatedVectorRule extends PerParsedMetricRule {
  private static final Set<String> SINGLE_SERIES_FUNCTIONS =
      Set.of("vector", "scalar", "time", "absent", "absent_over_time");

  public UnaggregatedVectorRule() {
    super("hazard.unaggregated-vector", "result[0] needs a query that returns one series.");
  }

  @Override
  protected void check(MetricConditions.Metric m, ValidationContext ctx, FindingSink out) {
    if (!m.isPrometheus() || m.shape() != ResultShape.VECTOR || m.query().isEmpty()) {
      return;
    }
    boolean indexes =
        m.conditions().stream()
            .filter(MetricConditions.Condition::parsed)
            .anyMatch(
                c ->
                    Exprs.nodes(c.expr()).stream()
                        .anyMatch(
                            e ->
                                e instanceof Expr.Index i
                                    && i.target() instanceof Expr.Ident id
                                    && id.name().equals("result")));
    if (indexes && !singleSeries(m.query().get())) {
      out.warning(
          m.view().query(),
          "query of "
              + m.label()
              + " can return several series (one per label set) and the condition reads result[0],"
              + " which is then an arbitrary one; aggregate the query, e.g. sum(...) or max(...)");
    }
  }

  /**
   * Every label in {@code labels} is fixed by an equality matcher in every selector under {@code
   * n}.
   */
  private static boolean pinned(PromQl.Node n, java.util.List<String> labels) {
    java.util.List<PromQl.Selector> selectors = PromQl.selectors(n);
    return !selectors.isEmpty()
        && labels.stream()
            .allMatch(
                label ->
                    selectors.stream()
                        .allMatch(
                            s ->
                                s.matchers().stream()
                                    .anyMatch(m -> m.label().equals(label) && m.op().equals("="))));
  }

  static boolean singleSeries(PromQl.Node n) {
    if (n instanceof PromQl.Num || n instanceof PromQl.Tag || n instanceof PromQl.Str) {
      return true;
    }
    if (n instanceof PromQl.Paren p) {
      return singleSeries(p.inner());
    }
    if (n instanceof PromQl.Unary u) {
      return singleSeries(u.operand());
    }
    if (n instanceof PromQl.Agg a) {
      return a.grouping().isEmpty() || (a.grouping().equals("by") && pinned(a, a.labels()));
    }
    if (n instanceof PromQl.Call c) {
      if (SINGLE_SERIES_FUNCTIONS.contains(c.name())) {
        return true;
      }
      if (c.name().equals("histogram_quantile")
          && c.args().size() == 2
          && PromQl.unwrap(c.args().get(1)) instanceof PromQl.Agg a) {
        return a.grouping().equals("by") && Set.of("le").containsAll(a.labels());
      }
      return c.args().stream()
          .filter(a -> PromQl.shape(a) != PromQl.Shape.SCALAR)
          .allMatch(UnaggregatedVectorRule::singleSeries);
    }
    if (n instanceof PromQl.Binary b) {
      boolean l = PromQl.shape(b.left()) == PromQl.Shape.SCALAR || singleSeries(b.left());
      boolean r = PromQl.shape(b.right()) == PromQl.Shape.SCALAR || singleSeries(b.right());
      return l && r;
    }
    return false;
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.warning(
            "ours",
            "a condition reads `result[0]` of an instant query that can return several series (no"
                + " aggregation, or an aggregation `by` a label that no `label=\"value\"` matcher"
                + " pins)")
        .why("Argo drops labels and keeps Prometheus's order: `result[0]` is an arbitrary series")
        .fix(
            "Aggregate the query to one series (`sum(...)`), or pin the grouping labels with "
                + "`label=\"value\"` matchers.");
  }
}
