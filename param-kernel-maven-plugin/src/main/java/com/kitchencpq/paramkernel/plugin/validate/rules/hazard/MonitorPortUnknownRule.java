package com.kitchencpq.paramkernel.plugin.validate.rules.hazard;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.model.MonitorView;
import com.kitchencpq.paramkernel.plugin.validate.rules.BaseRule;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Hazard: a monitor endpoint whose {@code port} names no port of the objects the monitor scrapes:
 * for a ServiceMonitor the name of a Service port ({@code spec.ports[].name}), for a PodMonitor the
 * name of a container port. The operator keeps only targets whose port name matches, so that
 * endpoint scrapes nothing. A numeric {@code targetPort} is not judged.
 */
public final class MonitorPortUnknownRule extends BaseRule {
  public MonitorPortUnknownRule() {
    super(
        "hazard.monitor-port-unknown",
        "A monitor endpoint's port must name a port of the objects it scrapes.");
  }

  @Override
  public void check(ValidationContext ctx, FindingSink out) {
    for (MonitorView m : Monitors.all(ctx)) {
      Optional<List<Monitors.Target>> scraped = Monitors.scraped(ctx, m);
      if (scraped.isEmpty() || scraped.get().isEmpty()) {
        continue;
      }
      Set<String> names = new LinkedHashSet<>();
      scraped.get().forEach(t -> names.addAll(t.portNames()));
      for (MonitorView.Endpoint e : m.endpoints()) {
        if (!e.port().isScalar()
            || e.port().text("").isEmpty()
            || e.port().text("").contains("{{")) {
          continue;
        }
        String port = e.port().text();
        if (!names.contains(port)) {
          out.hazard(
              e.port(),
              m.label()
                  + " scrapes port '"
                  + port
                  + "', which none of the "
                  + Monitors.kindOfTarget(m)
                  + "s it selects ("
                  + String.join(
                      ", ",
                      scraped.get().stream()
                          .map(t -> "'" + t.owner().name() + "'")
                          .distinct()
                          .toList())
                  + ") has"
                  + (names.isEmpty()
                      ? " (they name no port)"
                      : " (named ports: " + String.join(", ", names) + ")")
                  + ", so this endpoint scrapes nothing; use the name of the "
                  + (m.isPodMonitor() ? "container" : "Service")
                  + " port that serves /metrics");
        }
      }
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.hazard(
            "ours",
            "a ServiceMonitor endpoint whose `port` names no port of the Services it selects (a "
                + "PodMonitor's: no container port of the pods)")
        .why("the operator keeps only targets with that port name: the endpoint scrapes nothing")
        .fix("Name the port that serves `/metrics`, as the Service (container) names it.");
  }
}
