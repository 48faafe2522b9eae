package com.kitchencpq.paramkernel.plugin.validate.rules.provider;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.model.AnalysisTemplateView;
import com.kitchencpq.paramkernel.plugin.validate.model.MetricView;
import com.kitchencpq.paramkernel.plugin.validate.rules.PerMetricRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.Syntax;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;
import java.util.Optional;
import java.util.Set;

/**
 * The Datadog provider's shape: query or queries (not both), v1 only with query and without
 * aggregator, a formula only with queries and required for several, known apiVersion and aggregator
 * values, and a positive Go-duration interval.
 */
public final class DatadogRule extends PerMetricRule {
  private static final Set<String> AGGREGATORS =
      Set.of("avg", "min", "max", "sum", "last", "percentile", "mean", "l2norm", "area");

  public DatadogRule() {
    super(
        "provider.datadog",
        "A Datadog metric needs a consistent query/queries/formula/apiVersion/aggregator.");
  }

  @Override
  protected void check(AnalysisTemplateView t, MetricView m, Values v, FindingSink out) {
    YamlNode dd = m.provider().get("datadog");
    if (!dd.isMapping()) {
      return;
    }
    boolean query = !dd.get("query").text("").isEmpty();
    boolean queries = dd.get("queries").size() > 0;
    String api = dd.get("apiVersion").text("v1");
    if (!api.equals("v1") && !api.equals("v2")) {
      out.error(
          dd.get("apiVersion"), "Datadog apiVersion '" + api + "' is not supported; use v1 or v2");
    }
    String aggregator = dd.get("aggregator").text("");
    if (!aggregator.isEmpty() && !AGGREGATORS.contains(aggregator)) {
      out.error(
          dd.get("aggregator"),
          "Datadog aggregator '"
              + aggregator
              + "' is not one of "
              + String.join(", ", AGGREGATORS.stream().sorted().toList()));
    }
    if (!query && !queries) {
      out.error(dd, "Datadog metric '" + m.name() + "' needs a query or queries");
    } else if (query && queries) {
      out.error(
          dd.get("queries"),
          "Datadog metric '" + m.name() + "' sets both query and queries; keep one");
    }
    if (api.equals("v1") && !query && queries) {
      out.error(
          dd.get("queries"),
          "Datadog apiVersion v1 only supports query; set apiVersion: v2 to use queries");
    }
    if (api.equals("v1") && !aggregator.isEmpty()) {
      out.error(
          dd.get("aggregator"),
          "Datadog apiVersion v1 does not support aggregator; remove it or use v2");
    }
    if (dd.get("formula").isPresent() && !queries) {
      out.error(dd.get("formula"), "a Datadog formula needs queries; move the query into queries");
    }
    if (dd.get("queries").size() > 1 && dd.get("formula").text("").isEmpty()) {
      out.error(dd.get("queries"), "several Datadog queries need a formula that combines them");
    }
    Optional<String> interval = v.text(dd.get("interval"));
    if (interval.isPresent() && !interval.get().isEmpty()) {
      Syntax.DurationResult d = Syntax.parseGoDuration(interval.get());
      if (!d.valid() || d.nanos() <= 0) {
        out.error(
            dd.get("interval"),
            "Datadog interval '" + interval.get() + "' must be a positive duration such as 5m");
      }
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.error(
            "A12 (enums), K10", "query/queries/formula/apiVersion/aggregator shape, interval")
        .fix(
            "Combine query, queries, formula, apiVersion and aggregator the way the finding "
                + "says, with a Go-duration `interval`.");
  }
}
