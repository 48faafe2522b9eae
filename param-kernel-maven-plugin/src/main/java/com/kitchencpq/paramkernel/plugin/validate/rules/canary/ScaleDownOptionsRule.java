package com.kitchencpq.paramkernel.plugin.validate.rules.canary;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.model.RolloutView;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;

/** scaleDownDelaySeconds and dynamicStableScale need traffic routing and exclude each other. */
public final class ScaleDownOptionsRule extends CanaryRule {
  public ScaleDownOptionsRule() {
    super(
        "canary.scale-down-options",
        "scaleDownDelaySeconds and dynamicStableScale need traffic routing and exclude each"
            + " other.");
  }

  @Override
  protected void check(RolloutView r, YamlNode canary, FindingSink out) {
    YamlNode delay = canary.get("scaleDownDelaySeconds");
    YamlNode dynamic = canary.get("dynamicStableScale");
    if (!routed(canary)) {
      if (delay.isPresent()) {
        out.error(
            delay,
            "scaleDownDelaySeconds only works with trafficRouting; remove it or configure a traffic"
                + " router");
      }
      if (dynamic.isTrue()) {
        out.error(
            dynamic,
            "dynamicStableScale only works with trafficRouting; remove it or configure a traffic"
                + " router");
      }
    } else if (delay.isPresent() && dynamic.isTrue()) {
      out.error(
          dynamic,
          "dynamicStableScale cannot be combined with scaleDownDelaySeconds; keep one of them");
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.error(
            "E10–E12", "scaleDownDelaySeconds / dynamicStableScale need routing, not both")
        .fix(
            "Use `scaleDownDelaySeconds` or `dynamicStableScale` only with traffic routing, and "
                + "not both.");
  }
}
