package com.kitchencpq.paramkernel.plugin.validate.rules.canary;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.model.RolloutView;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;
import java.util.Set;
import java.util.stream.Collectors;

/** Header and mirror routes must be declared in trafficRouting.managedRoutes. */
public final class ManagedRoutesRule extends CanaryRule {
  public ManagedRoutesRule() {
    super(
        "canary.managed-routes",
        "Routes set by steps must be listed in trafficRouting.managedRoutes.");
  }

  @Override
  protected void check(RolloutView r, YamlNode canary, FindingSink out) {
    if (!routed(canary)) {
      return;
    }
    YamlNode managed = canary.at("trafficRouting", "managedRoutes");
    Set<String> names =
        managed.items().stream().map(m -> m.get("name").text("")).collect(Collectors.toSet());
    for (YamlNode step : r.steps()) {
      for (String kind : new String[] {"setHeaderRoute", "setMirrorRoute"}) {
        YamlNode route = step.get(kind);
        if (route.isAbsent()) {
          continue;
        }
        if (managed.isAbsent()) {
          out.error(
              step.keyNode(kind),
              kind
                  + " needs spec.strategy.canary.trafficRouting.managedRoutes;"
                  + " list the route name there");
        } else if (!names.contains(route.get("name").text(""))) {
          out.error(
              route.get("name").isPresent() ? route.get("name") : route,
              "route '"
                  + route.get("name").text("")
                  + "' is not listed in trafficRouting.managedRoutes; add it there");
        }
      }
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.error("F13, F14", "routes of steps listed in managedRoutes")
        .fix("List every route the steps set under `trafficRouting.managedRoutes`.");
  }
}
