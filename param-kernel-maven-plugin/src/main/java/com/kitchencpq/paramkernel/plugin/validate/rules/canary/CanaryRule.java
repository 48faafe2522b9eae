package com.kitchencpq.paramkernel.plugin.validate.rules.canary;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.model.RolloutView;
import com.kitchencpq.paramkernel.plugin.validate.rules.PerRolloutRule;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;

/** A rule about the canary strategy; skipped for blue-green rollouts. */
abstract class CanaryRule extends PerRolloutRule {
  CanaryRule(String id, String description) {
    super(id, description);
  }

  @Override
  protected final void check(RolloutView r, ValidationContext ctx, FindingSink out) {
    if (r.canary().isMapping()) {
      check(r, r.canary(), out);
    }
  }

  protected abstract void check(RolloutView r, YamlNode canary, FindingSink out);

  /** Whether trafficRouting is set at all (even as an empty object). */
  static boolean routed(YamlNode canary) {
    return canary.get("trafficRouting").isPresent();
  }

  static boolean has(YamlNode canary, String router) {
    return canary.get("trafficRouting").get(router).isPresent();
  }
}
