package com.kitchencpq.paramkernel.plugin.validate.rules.canary;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.model.RolloutView;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;

/** setHeaderRoute: a router that supports it, and well-formed header matches. */
public final class HeaderRouteRule extends CanaryRule {
  public HeaderRouteRule() {
    super(
        "canary.header-route",
        "setHeaderRoute needs Istio, ALB, APISIX or plugin routing and valid matches.");
  }

  @Override
  protected void check(RolloutView r, YamlNode canary, FindingSink out) {
    boolean alb = has(canary, "alb");
    for (YamlNode step : r.steps()) {
      YamlNode route = step.get("setHeaderRoute");
      if (route.isAbsent()) {
        continue;
      }
      if (!routed(canary)
          || !(has(canary, "istio") || alb || has(canary, "apisix") || has(canary, "plugins"))) {
        out.error(
            step.keyNode("setHeaderRoute"),
            "setHeaderRoute needs Istio, ALB, APISIX or plugin traffic routing");
      }
      for (YamlNode m : route.get("match").items()) {
        YamlNode value = m.get("headerValue");
        if (alb) {
          if (value.isAbsent()) {
            out.error(value, "the header match needs a headerValue with 'exact'");
          } else if (value.get("exact").text("").isEmpty()
              || value.get("regex").isPresent()
              || value.get("prefix").isPresent()) {
            out.error(
                value,
                "with ALB routing a header match supports only 'exact'; use exact and drop"
                    + " prefix/regex");
          }
        } else {
          StringMatches.exactlyOne(value, "headerValue", out);
        }
      }
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.error("F6–F10", "router support and header match values")
        .fix(
            "Use `setHeaderRoute` with Istio, ALB, APISIX or plugin routing, with valid header "
                + "match values.");
  }
}
