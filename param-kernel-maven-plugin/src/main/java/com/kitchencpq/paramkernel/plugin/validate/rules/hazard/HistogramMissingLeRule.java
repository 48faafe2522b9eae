package com.kitchencpq.paramkernel.plugin.validate.rules.hazard;

import com.kitchencpq.paramkernel.plugin.promql.PromQl;
import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.rules.MetricConditions;
import com.kitchencpq.paramkernel.plugin.validate.rules.PerParsedMetricRule;

/**
 * Warning: {@code histogram_quantile(q, sum(rate(x_bucket[1m])))} without {@code by (le)}. The
 * aggregation drops the {@code le} label the quantile needs, and Prometheus returns an empty vector
 * (not NaN) for every evaluation.
 */
public final class HistogramMissingLeRule extends PerParsedMetricRule {
  public HistogramMissingLeRule() {
    super(
        "hazard.histogram-missing-le",
        "Aggregations under histogram_quantile must keep the le label.");
  }

  @Override
  protected void check(MetricConditions.Metric m, ValidationContext ctx, FindingSink out) {
    if (!m.isPrometheus() || m.query().isEmpty()) {
      return;
    }
    for (PromQl.Call q : Histograms.quantileCalls(m.query().get())) {
      Histograms.aggregationWithoutLe(q)
          .ifPresent(
              agg ->
                  out.warning(
                      m.view().query(),
                      "query of "
                          + m.label()
                          + " aggregates with "
                          + agg.name()
                          + (agg.grouping().isEmpty()
                              ? ""
                              : " " + agg.grouping() + " (" + String.join(", ", agg.labels()) + ")")
                          + " under histogram_quantile and so drops the le label;"
                          + " Prometheus then returns an empty result every time; write "
                          + agg.name()
                          + " by (le) (...)"));
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.warning(
            "ours",
            "an aggregation under `histogram_quantile` that drops `le` (no `by (le)`, or `without "
                + "(le)`)")
        .why("the quantile has no buckets: Prometheus returns an empty result every time")
        .fix("Keep `le`: `sum by (le) (rate(..._bucket[1m]))`.");
  }
}
