package com.kitchencpq.paramkernel.plugin.validate.rules.metric;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.model.AnalysisTemplateView;
import com.kitchencpq.paramkernel.plugin.validate.model.MetricView;
import com.kitchencpq.paramkernel.plugin.validate.rules.PerMetricRule;
import java.util.List;

/** A metric measures with exactly one provider. */
public final class ProviderRule extends PerMetricRule {
  public ProviderRule() {
    super("metric.provider", "Each metric needs exactly one provider.");
  }

  @Override
  protected void check(AnalysisTemplateView t, MetricView m, Values v, FindingSink out) {
    List<String> names = m.providerNames();
    if (names.isEmpty()) {
      out.error(
          m.provider().isPresent() ? m.provider() : m.node(),
          "metric '" + m.name() + "' has no provider; add one such as provider.prometheus");
    } else if (names.size() > 1) {
      out.error(
          m.provider(),
          "metric '"
              + m.name()
              + "' has several providers ("
              + String.join(", ", names)
              + "); keep one, or split it into several metrics");
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.error("J14, J15", "exactly one provider")
        .fix("Give the metric exactly one provider.");
  }
}
