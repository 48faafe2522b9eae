package com.kitchencpq.paramkernel.plugin.validate.rules.canary;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.model.RolloutView;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;

/** setCanaryScale only makes sense when a traffic router decides the traffic split. */
public final class SetCanaryScaleRule extends CanaryRule {
  public SetCanaryScaleRule() {
    super("canary.set-canary-scale", "setCanaryScale steps need trafficRouting.");
  }

  @Override
  protected void check(RolloutView r, YamlNode canary, FindingSink out) {
    if (routed(canary)) {
      return;
    }
    for (YamlNode step : r.steps()) {
      if (step.get("setCanaryScale").isPresent()) {
        out.error(
            step.keyNode("setCanaryScale"),
            "setCanaryScale needs spec.strategy.canary.trafficRouting;"
                + " configure a traffic router or remove the step");
      }
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.error("F5", "setCanaryScale needs traffic routing")
        .fix("Add `trafficRouting`, or remove the `setCanaryScale` step.");
  }
}
