package com.kitchencpq.paramkernel.plugin.validate.rules.bluegreen;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.model.RolloutView;
import com.kitchencpq.paramkernel.plugin.validate.rules.PerRolloutRule;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;

/**
 * Blue-green needs two different Services for active and preview (upstream also rejects two empty
 * ones).
 */
public final class ServicesDistinctRule extends PerRolloutRule {
  public ServicesDistinctRule() {
    super(
        "bluegreen.services-distinct",
        "activeService and previewService must be two different Services.");
  }

  @Override
  protected void check(RolloutView r, ValidationContext ctx, FindingSink out) {
    YamlNode bg = r.blueGreen();
    if (!bg.isMapping()) {
      return;
    }
    String active = bg.get("activeService").text("");
    String preview = bg.get("previewService").text("");
    if (active.equals(preview)) {
      out.error(
          bg.get("activeService").isPresent() ? bg.get("activeService") : bg,
          active.isEmpty()
              ? "blueGreen needs an activeService; name the Service that receives production"
                  + " traffic"
              : "activeService and previewService are both '"
                  + active
                  + "'; point previewService at a second Service");
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.error("D1", "activeService != previewService (also when both empty)")
        .fix("Point `activeService` and `previewService` at two different Services.");
  }
}
