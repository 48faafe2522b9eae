package com.kitchencpq.paramkernel.plugin.validate.rules.canary;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.model.RolloutView;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;

/** setMirrorRoute: Istio or plugin routing, and method/path matches with exactly one kind. */
public final class MirrorRouteRule extends CanaryRule {
  public MirrorRouteRule() {
    super(
        "canary.mirror-route",
        "setMirrorRoute needs Istio or plugin routing and valid method/path matches.");
  }

  @Override
  protected void check(RolloutView r, YamlNode canary, FindingSink out) {
    for (YamlNode step : r.steps()) {
      YamlNode route = step.get("setMirrorRoute");
      if (route.isAbsent()) {
        continue;
      }
      if (!routed(canary) || !(has(canary, "istio") || has(canary, "plugins"))) {
        out.error(
            step.keyNode("setMirrorRoute"), "setMirrorRoute needs Istio or plugin traffic routing");
      }
      for (YamlNode m : route.get("match").items()) {
        for (String k : new String[] {"method", "path"}) {
          if (m.get(k).isPresent()) {
            StringMatches.exactlyOne(m.get(k), k, out);
          }
        }
      }
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.error("F11, F12", "router support and method/path match values")
        .fix(
            "Use `setMirrorRoute` with Istio or plugin routing, with valid method and path "
                + "match values.");
  }
}
