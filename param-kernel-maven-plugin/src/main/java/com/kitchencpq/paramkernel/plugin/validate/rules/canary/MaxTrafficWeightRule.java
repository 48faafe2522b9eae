package com.kitchencpq.paramkernel.plugin.validate.rules.canary;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.model.RolloutView;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;

/** maxTrafficWeight is only honoured by the NGINX router and router plugins. */
public final class MaxTrafficWeightRule extends CanaryRule {
  public MaxTrafficWeightRule() {
    super(
        "canary.max-traffic-weight",
        "trafficRouting.maxTrafficWeight needs NGINX or plugin routing.");
  }

  @Override
  protected void check(RolloutView r, YamlNode canary, FindingSink out) {
    YamlNode max = canary.at("trafficRouting", "maxTrafficWeight");
    if (max.isPresent() && !has(canary, "nginx") && !has(canary, "plugins")) {
      out.error(
          max,
          "maxTrafficWeight is only supported with NGINX or plugin traffic routing; remove it");
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.error("E13", "maxTrafficWeight only with NGINX or plugins")
        .fix("Remove `maxTrafficWeight`, or route with NGINX or a plugin.");
  }
}
