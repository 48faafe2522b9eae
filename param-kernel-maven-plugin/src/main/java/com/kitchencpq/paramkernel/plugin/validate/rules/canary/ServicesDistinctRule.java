package com.kitchencpq.paramkernel.plugin.validate.rules.canary;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.model.RolloutView;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;

/** canaryService and stableService must be two different Services. */
public final class ServicesDistinctRule extends CanaryRule {
  public ServicesDistinctRule() {
    super("canary.services-distinct", "canaryService and stableService must differ.");
  }

  @Override
  protected void check(RolloutView r, YamlNode canary, FindingSink out) {
    String c = canary.get("canaryService").text("");
    String s = canary.get("stableService").text("");
    if (!c.isEmpty() && c.equals(s)) {
      out.error(
          canary.get("stableService"),
          "canaryService and stableService are both '"
              + s
              + "'; the canary needs a Service of its own");
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.error("E2", "canaryService != stableService")
        .fix("Point `canaryService` and `stableService` at two different Services.");
  }
}
