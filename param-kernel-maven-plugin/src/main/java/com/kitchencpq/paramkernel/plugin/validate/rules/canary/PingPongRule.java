package com.kitchencpq.paramkernel.plugin.validate.rules.canary;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.model.RolloutView;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;

/** Ping-pong: both Services, different, a supported router, and alb.rootService with ALB. */
public final class PingPongRule extends CanaryRule {
  public PingPongRule() {
    super(
        "canary.ping-pong",
        "pingPong needs two different Services, ALB/Istio/plugin routing, and alb.rootService with"
            + " ALB.");
  }

  @Override
  protected void check(RolloutView r, YamlNode canary, FindingSink out) {
    YamlNode pp = canary.get("pingPong");
    if (pp.isAbsent()) {
      return;
    }
    YamlNode tr = canary.get("trafficRouting");
    if (tr.isPresent() && !has(canary, "alb") && !has(canary, "istio") && !has(canary, "plugins")) {
      out.error(
          tr,
          "pingPong works only with ALB, Istio or plugin traffic routing; switch the router or drop"
              + " pingPong");
    }
    String ping = pp.get("pingService").text("");
    String pong = pp.get("pongService").text("");
    if (ping.isEmpty()) {
      out.error(pp.get("pingService"), "pingPong needs a pingService; name a Service");
    }
    if (pong.isEmpty()) {
      out.error(pp.get("pongService"), "pingPong needs a pongService; name a Service");
    }
    if (ping.equals(pong)) {
      out.error(
          pp.get("pingService"), "pingService and pongService must be two different Services");
    }
    if (has(canary, "alb") && tr.at("alb", "rootService").text("").isEmpty()) {
      out.error(
          tr.get("alb"), "ALB routing with pingPong needs alb.rootService; name the root Service");
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.error("E3–E7", "ping-pong router, both services, distinct, ALB rootService")
        .fix(
            "Give `pingPong` two different Services, route with ALB, Istio or a plugin, and set "
                + "`alb.rootService` with ALB.");
  }
}
