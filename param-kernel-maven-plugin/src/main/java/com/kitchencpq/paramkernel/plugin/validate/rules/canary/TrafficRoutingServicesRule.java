package com.kitchencpq.paramkernel.plugin.validate.rules.canary;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.model.RolloutView;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;

/**
 * Most traffic routers split traffic between a canary and a stable Service, so both must be named
 * (plugins, Istio subset routing and ping-pong set-ups excepted).
 */
public final class TrafficRoutingServicesRule extends CanaryRule {
  public TrafficRoutingServicesRule() {
    super(
        "canary.traffic-routing-services",
        "Traffic routing needs canaryService and stableService.");
  }

  @Override
  protected void check(RolloutView r, YamlNode canary, FindingSink out) {
    if (!requiresServices(canary)) {
      return;
    }
    if (canary.get("stableService").text("").isEmpty()) {
      out.error(
          canary.get("stableService"),
          "traffic routing needs a stableService; name the Service of the stable pods");
    }
    if (canary.get("canaryService").text("").isEmpty()) {
      out.error(
          canary.get("canaryService"),
          "traffic routing needs a canaryService; name the Service of the canary pods");
    }
  }

  static boolean requiresServices(YamlNode canary) {
    if (!routed(canary)) {
      return false;
    }
    boolean pingPong = canary.get("pingPong").isPresent();
    YamlNode tr = canary.get("trafficRouting");
    return (has(canary, "alb") && !pingPong)
        || (has(canary, "istio") && tr.at("istio", "destinationRule").isAbsent() && !pingPong)
        || has(canary, "smi")
        || has(canary, "apisix")
        || has(canary, "ambassador")
        || has(canary, "nginx")
        || has(canary, "appMesh")
        || has(canary, "traefik");
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.error("E8, E9", "traffic routers that need canary/stable Services have them")
        .fix("Set `canaryService` and `stableService` for the traffic router in use.");
  }
}
