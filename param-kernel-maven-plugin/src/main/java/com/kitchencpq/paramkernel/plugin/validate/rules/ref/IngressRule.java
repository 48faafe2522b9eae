package com.kitchencpq.paramkernel.plugin.validate.rules.ref;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.Manifest;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.model.RolloutView;
import com.kitchencpq.paramkernel.plugin.validate.rules.PerRolloutRule;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * NGINX and ALB routing: exactly one of the single/list Ingress fields, and each Ingress must have
 * a rule that sends traffic to the stable Service (ALB: alb.rootService when set). An Ingress that
 * is not in the validated files is a warning.
 */
public final class IngressRule extends PerRolloutRule {
  public IngressRule() {
    super(
        "ref.ingress",
        "NGINX/ALB routing must name its Ingresses once, and each must route to the stable"
            + " Service.");
  }

  @Override
  protected void check(RolloutView r, ValidationContext ctx, FindingSink out) {
    YamlNode tr = r.trafficRouting();
    String stable = r.canary().get("stableService").text("");
    YamlNode nginx = tr.get("nginx");
    if (nginx.isPresent()) {
      check(r, ctx, out, nginx, "stableIngress", "stableIngresses", stable);
    }
    YamlNode alb = tr.get("alb");
    if (alb.isPresent()) {
      String root = alb.get("rootService").text("");
      check(r, ctx, out, alb, "ingress", "ingresses", root.isEmpty() ? stable : root);
    }
  }

  private static void check(
      RolloutView r,
      ValidationContext ctx,
      FindingSink out,
      YamlNode router,
      String single,
      String many,
      String service) {
    boolean one = !router.get(single).text("").isEmpty();
    boolean list = router.get(many).size() > 0;
    if (one && list) {
      out.error(router, "set either " + single + " or " + many + ", not both");
      return;
    }
    if (!one && !list) {
      out.error(router, "name the Ingress to manage in " + single + " (or " + many + ")");
      return;
    }
    List<YamlNode> names = one ? List.of(router.get(single)) : router.get(many).items();
    for (YamlNode name : names) {
      Optional<Manifest> ingress = find(r, ctx, name.text(""));
      if (ingress.isEmpty()) {
        out.warning(
            name,
            NotFound.text(ctx, r.manifest(), "Ingress", name.text(""))
                + "; its rules cannot be checked (ignore this if it is managed elsewhere)");
      } else if (!service.isEmpty() && !routesTo(ingress.get(), service)) {
        out.error(
            name,
            "Ingress '"
                + name.text("")
                + "' has no rule with Service '"
                + service
                + "' as backend; add a rule that sends traffic to it");
      }
    }
  }

  private static Optional<Manifest> find(RolloutView r, ValidationContext ctx, String name) {
    Optional<Manifest> m = ctx.find(r.manifest(), "networking.k8s.io", "Ingress", name);
    return m.isPresent() ? m : ctx.find(r.manifest(), "extensions", "Ingress", name);
  }

  static boolean routesTo(Manifest ingress, String service) {
    List<String> backends = new ArrayList<>();
    for (YamlNode rule : ingress.spec().get("rules").items()) {
      for (YamlNode path : rule.at("http", "paths").items()) {
        YamlNode b = path.get("backend");
        backends.add(b.at("service", "name").text(b.get("serviceName").text("")));
      }
    }
    return backends.contains(service);
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.error(
            "H4–H8",
            "one of ingress/ingresses (NGINX, ALB); the Ingress routes to the stable (or ALB root) "
                + "Service")
        .note("a missing Ingress is a warning")
        .fix(
            "Name the Ingress once, validate it with the rollout, and route it to the stable "
                + "(ALB: root) Service.");
  }
}
