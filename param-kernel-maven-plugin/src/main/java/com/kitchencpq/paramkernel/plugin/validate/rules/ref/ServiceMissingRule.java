package com.kitchencpq.paramkernel.plugin.validate.rules.ref;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.Severity;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.model.RolloutView;
import com.kitchencpq.paramkernel.plugin.validate.rules.PerRolloutRule;

/**
 * A Service the Rollout names but that no validated file defines. Services are often managed
 * elsewhere, so this is a warning; with the plan checks on, the rollout's Services are part of the
 * plan and must be in the bundle (error).
 */
public final class ServiceMissingRule extends PerRolloutRule {
  public ServiceMissingRule() {
    super(
        "ref.service-missing",
        "Services named by a Rollout should be defined in the validated files.");
  }

  @Override
  protected void check(RolloutView r, ValidationContext ctx, FindingSink out) {
    for (RolloutView.ServiceRef ref : r.serviceRefs()) {
      if (ctx.findService(r.manifest(), ref.name()).isEmpty()) {
        out.report(
            Severity.hazard(ctx.planChecks()),
            ref.node(),
            NotFound.text(ctx, r.manifest(), "Service", ref.name())
                + "; add it to the bundle"
                + (ctx.planChecks() ? "" : " (or ignore this if it is managed elsewhere)"));
      }
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.hazard("H1", "Services named by the rollout are in the invocation")
        .why("with plan checks on, the rollout's Services are part of the plan")
        .fix("Validate the Services together with the rollout, or correct the names.");
  }
}
