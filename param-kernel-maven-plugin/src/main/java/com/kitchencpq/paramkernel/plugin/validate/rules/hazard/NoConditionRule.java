package com.kitchencpq.paramkernel.plugin.validate.rules.hazard;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.rules.condition.MetricConditions;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;
import java.util.Set;

/**
 * Hazard: a metric of a query provider with neither successCondition nor failureCondition.
 * Argo then marks every measurement Successful, whatever the value: the metric can never fail.
 * Job, Kayenta and plugin metrics decide by themselves and are not checked.
 */
public final class NoConditionRule extends MetricRule {
  private static final Set<String> QUERY_PROVIDERS = Set.of("prometheus", "web", "datadog", "newRelic", "wavefront",
      "cloudWatch", "graphite", "influxdb", "skywalking");

  public NoConditionRule() {
    super("hazard.no-condition", "Query metrics need a successCondition or failureCondition, else they always pass.");
  }

  @Override
  protected void check(MetricConditions.Metric m, ValidationContext ctx, FindingSink out) {
    if (!QUERY_PROVIDERS.contains(m.view().providerName())) {
      return;
    }
    if (unset(m.view().successCondition()) && unset(m.view().failureCondition())) {
      out.hazard(m.view().node().get("name").isPresent() ? m.view().node().get("name") : m.view().node(),
          m.label() + " has no successCondition and no failureCondition, so every measurement counts as"
              + " Successful and the metric can never fail; add a condition on result");
    }
  }

  private static boolean unset(YamlNode n) {
    return n.isAbsent() || (n.isScalar() && n.text("").isBlank());
  }
}
