package com.kitchencpq.paramkernel.plugin.validate.rules.plan;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.model.RolloutView;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;

/**
 * The plan's Rollout sends stable traffic through the plan's stable Service and canary traffic
 * through its canary Service. (That both Services are in the bundle and select the pods is
 * checked by the reference rules, as errors when the plan checks are on.)
 */
public final class PlanServicesRule extends PlanRule {
  public PlanServicesRule() {
    super("plan.services", "stableService and canaryService must be the plan's Services.");
  }

  @Override
  protected void check(RolloutView r, ValidationContext ctx, FindingSink out) {
    if (!r.isCanary()) {
      return;
    }
    expect(r, "stableService", plan.stableService(), out);
    expect(r, "canaryService", plan.canaryService(), out);
  }

  private static void expect(RolloutView r, String field, String want, FindingSink out) {
    YamlNode n = r.canary().get(field);
    if (!n.text("").equals(want)) {
      out.error(n.isPresent() ? n : r.canary(), "spec.strategy.canary." + field + " of Rollout '" + r.name() + "' is "
          + (n.isPresent() ? "'" + n.text("") + "'" : "not set") + "; the plan wants '" + want + "'");
    }
  }
}
