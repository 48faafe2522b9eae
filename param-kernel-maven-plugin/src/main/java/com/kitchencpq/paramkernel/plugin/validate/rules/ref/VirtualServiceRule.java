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
 * Istio routing: exactly one of virtualService / virtualServices; each VirtualService in the
 * validated files must have the routes the rollout names, and those routes must send traffic to
 * both the canary and the stable Service (or DestinationRule subsets). A VirtualService that is not
 * in the validated files is a warning.
 */
public final class VirtualServiceRule extends PerRolloutRule {
  public VirtualServiceRule() {
    super(
        "ref.virtual-service",
        "Istio VirtualServices must exist once and route to the canary and stable destinations.");
  }

  @Override
  protected void check(RolloutView r, ValidationContext ctx, FindingSink out) {
    YamlNode istio = r.trafficRouting().get("istio");
    if (istio.isAbsent()) {
      return;
    }
    YamlNode single = istio.get("virtualService");
    YamlNode many = istio.get("virtualServices");
    if (single.isPresent() == many.isPresent()) {
      out.error(istio, "set exactly one of istio.virtualService and istio.virtualServices");
      return;
    }
    List<YamlNode> refs = single.isPresent() ? List.of(single) : many.items();
    for (YamlNode ref : refs) {
      String name = ref.get("name").text("");
      Optional<Manifest> vs = find(r, ctx, name);
      if (vs.isEmpty()) {
        out.warning(
            ref.get("name").isPresent() ? ref.get("name") : ref,
            NotFound.text(ctx, r.manifest(), "VirtualService", name)
                + "; its routes cannot be checked (ignore this if it is managed elsewhere)");
        continue;
      }
      checkRoutes(r, ref, vs.get(), out);
    }
  }

  private static Optional<Manifest> find(RolloutView r, ValidationContext ctx, String name) {
    Optional<Manifest> m = ctx.find(r.manifest(), "networking.istio.io", "VirtualService", name);
    int dot = name.indexOf('.');
    if (m.isEmpty() && dot > 0) {
      m = ctx.find(r.manifest(), "networking.istio.io", "VirtualService", name.substring(0, dot));
    }
    return m;
  }

  private static void checkRoutes(RolloutView r, YamlNode ref, Manifest vs, FindingSink out) {
    YamlNode at = ref.get("name").isPresent() ? ref.get("name") : ref;
    YamlNode spec = vs.spec();
    YamlNode http = spec.get("http");
    YamlNode tls = spec.get("tls");
    YamlNode tcp = spec.get("tcp");
    String vsName = vs.name();
    if (http.isAbsent() && tls.isAbsent() && tcp.isAbsent()) {
      out.error(
          at,
          "VirtualService '"
              + vsName
              + "' has no http, tls or tcp routes; add the route the rollout shifts");
      return;
    }
    for (YamlNode section : new YamlNode[] {http, tls, tcp}) {
      if (section.isPresent() && !section.isSequence()) {
        out.error(
            at,
            "VirtualService '"
                + vsName
                + "' has a malformed "
                + lastSegment(section.path())
                + " section; it must be a list of routes");
        return;
      }
    }
    YamlNode routes = ref.get("routes");
    YamlNode tlsRoutes = ref.get("tlsRoutes");
    YamlNode tcpRoutes = ref.get("tcpRoutes");
    boolean none = routes.size() == 0 && tlsRoutes.size() == 0 && tcpRoutes.size() == 0;
    List<YamlNode> matched = new ArrayList<>();
    if (http.isPresent() && (routes.size() > 0 || none)) {
      if (routes.size() > 0) {
        for (YamlNode route : routes.items()) {
          Optional<YamlNode> found =
              http.items().stream()
                  .filter(h -> h.get("name").text("").equals(route.text("")))
                  .findFirst();
          if (found.isEmpty()) {
            out.error(
                route,
                "HTTP route '"
                    + route.text("")
                    + "' is not in VirtualService '"
                    + vsName
                    + "'; name an existing route");
          } else {
            matched.add(found.get());
          }
        }
      } else if (http.size() != 1) {
        out.error(
            at,
            "VirtualService '"
                + vsName
                + "' has "
                + http.size()
                + " HTTP routes; list the one to"
                + " shift in virtualService.routes");
      } else {
        matched.add(http.items().get(0));
      }
    }
    if (tls.isPresent() && (tlsRoutes.size() > 0 || none)) {
      matchPorts(tls, tlsRoutes, none, at, vsName, "TLS", out, matched, true);
    }
    if (tcp.isPresent() && (tcpRoutes.size() > 0 || none)) {
      matchPorts(tcp, tcpRoutes, none, at, vsName, "TCP", out, matched, false);
    }
    YamlNode rule = r.trafficRouting().at("istio", "destinationRule");
    for (YamlNode route : matched) {
      List<YamlNode> destinations = route.get("route").items();
      if (rule.isPresent()) {
        requireDestination(
            destinations,
            "subset",
            rule.get("canarySubsetName").text(""),
            "canary subset",
            at,
            vsName,
            out);
        requireDestination(
            destinations,
            "subset",
            rule.get("stableSubsetName").text(""),
            "stable subset",
            at,
            vsName,
            out);
      } else {
        requireDestination(
            destinations,
            "host",
            r.canary().get("canaryService").text(""),
            "canary Service",
            at,
            vsName,
            out);
        requireDestination(
            destinations,
            "host",
            r.canary().get("stableService").text(""),
            "stable Service",
            at,
            vsName,
            out);
      }
    }
  }

  private static void matchPorts(
      YamlNode section,
      YamlNode wanted,
      boolean none,
      YamlNode at,
      String vsName,
      String what,
      FindingSink out,
      List<YamlNode> matched,
      boolean sni) {
    if (none) {
      if (section.size() != 1) {
        out.error(
            at,
            "VirtualService '"
                + vsName
                + "' has "
                + section.size()
                + " "
                + what
                + " routes; list the ones to shift in virtualService."
                + what.toLowerCase()
                + "Routes");
      } else {
        matched.add(section.items().get(0));
      }
      return;
    }
    for (YamlNode w : wanted.items()) {
      long port = w.get("port").longValue().orElse(-1);
      List<String> hosts = w.get("sniHosts").items().stream().map(h -> h.text("")).toList();
      Optional<YamlNode> found =
          section.items().stream()
              .filter(
                  route ->
                      route.get("match").items().stream()
                          .anyMatch(
                              m ->
                                  (port < 0 || m.get("port").longValue().orElse(-1) == port)
                                      && (!sni
                                          || m.get("sniHosts").items().stream()
                                              .map(h -> h.text(""))
                                              .toList()
                                              .containsAll(hosts))))
              .findFirst();
      if (found.isEmpty()) {
        out.error(
            w,
            "no "
                + what
                + " route of VirtualService '"
                + vsName
                + "' matches this entry; fix the port"
                + (sni ? " or sniHosts" : ""));
      } else {
        matched.add(found.get());
      }
    }
  }

  private static void requireDestination(
      List<YamlNode> destinations,
      String field,
      String want,
      String role,
      YamlNode at,
      String vsName,
      FindingSink out) {
    if (want.isEmpty()) {
      return;
    }
    boolean ok =
        destinations.stream()
            .anyMatch(
                d -> {
                  String v = d.at("destination", field).text("");
                  return v.equals(want) || (field.equals("host") && v.startsWith(want + "."));
                });
    if (!ok) {
      out.error(
          at,
          "a route of VirtualService '"
              + vsName
              + "' has no destination for the "
              + role
              + " '"
              + want
              + "'; add it to the route's destinations");
    }
  }

  private static String lastSegment(String path) {
    int dot = path.lastIndexOf('.');
    return dot < 0 ? path : path.substring(dot + 1);
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.error(
            "H9–H12",
            "one of virtualService(s); routes exist; single-route rule; canary/stable destinations "
                + "or subsets")
        .note("a missing VirtualService is a warning")
        .fix(
            "Name the VirtualService once, validate it with the rollout, and give its routes "
                + "the canary and stable destinations (or subsets).");
  }
}
