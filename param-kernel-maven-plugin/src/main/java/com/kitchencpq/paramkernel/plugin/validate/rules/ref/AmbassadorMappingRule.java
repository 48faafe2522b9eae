package com.kitchencpq.paramkernel.plugin.validate.rules.ref;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.Manifest;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.model.RolloutView;
import com.kitchencpq.paramkernel.plugin.validate.rules.PerRolloutRule;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;
import java.util.Optional;

/**
 * An Ambassador Mapping the rollout manages must not fix a weight itself (Argo sets the canary
 * weight).
 */
public final class AmbassadorMappingRule extends PerRolloutRule {
  public AmbassadorMappingRule() {
    super(
        "ref.ambassador-mapping",
        "Ambassador Mappings used for canary routing must not define a weight.");
  }

  @Override
  protected void check(RolloutView r, ValidationContext ctx, FindingSink out) {
    for (YamlNode name : r.trafficRouting().at("ambassador", "mappings").items()) {
      Optional<Manifest> mapping =
          ctx.find(r.manifest(), "getambassador.io", "Mapping", name.text(""));
      if (mapping.isPresent() && mapping.get().spec().get("weight").isPresent()) {
        out.error(
            name,
            "Ambassador Mapping '"
                + name.text("")
                + "' defines a weight; remove it, the rollout sets the canary weight");
      }
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.error("H14", "a validated Mapping defines no weight")
        .fix("Remove `weight` from the Mapping.");
  }
}
