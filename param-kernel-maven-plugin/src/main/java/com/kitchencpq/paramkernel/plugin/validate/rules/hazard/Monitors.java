package com.kitchencpq.paramkernel.plugin.validate.rules.hazard;

import com.kitchencpq.paramkernel.plugin.validate.Manifest;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.model.MonitorView;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The ServiceMonitors and PodMonitors of the invocation and the objects of the bundle they can
 * scrape.
 */
final class Monitors {
  private Monitors() {}

  /** Kinds whose {@code spec.template} is a pod template a PodMonitor can select. */
  private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "DaemonSet");

  /** Something a monitor can scrape: a Service, or the pod template of a workload. */
  record Target(
      Manifest owner, String namespace, Map<String, String> labels, List<String> portNames) {}

  static List<MonitorView> all(ValidationContext ctx) {
    return ctx.manifests(MonitorView::isMonitor).stream()
        .filter(m -> m.root().isMapping())
        .map(MonitorView::new)
        .toList();
  }

  /**
   * The Services (ServiceMonitor) or pod templates (PodMonitor) of the bundle, whatever their
   * namespace.
   */
  static List<Target> candidates(ValidationContext ctx, MonitorView monitor) {
    List<Target> out = new ArrayList<>();
    if (!monitor.isPodMonitor()) {
      for (Manifest s : ctx.manifests(Manifest::isService)) {
        List<String> ports =
            s.spec().get("ports").items().stream()
                .map(p -> p.get("name").text(""))
                .filter(n -> !n.isEmpty())
                .toList();
        out.add(new Target(s, s.namespace(), s.root().at("metadata", "labels").stringMap(), ports));
      }
      return out;
    }
    for (Manifest m : ctx.manifests()) {
      boolean workload =
          m.isRollout() || (m.group().equals("apps") && WORKLOADS.contains(m.kind()));
      if (!workload || !m.root().isMapping()) {
        continue;
      }
      YamlNode template = m.spec().get("template");
      List<String> ports = new ArrayList<>();
      for (YamlNode c : template.at("spec", "containers").items()) {
        for (YamlNode p : c.get("ports").items()) {
          if (!p.get("name").text("").isEmpty()) {
            ports.add(p.get("name").text(""));
          }
        }
      }
      out.add(new Target(m, m.namespace(), template.at("metadata", "labels").stringMap(), ports));
    }
    return out;
  }

  /**
   * The candidates the monitor's label selector selects (namespace not considered); empty when it
   * cannot be read.
   */
  static Optional<List<Target>> selected(ValidationContext ctx, MonitorView monitor) {
    List<Target> out = new ArrayList<>();
    for (Target t : candidates(ctx, monitor)) {
      Optional<Boolean> s = monitor.selects(t.labels());
      if (s.isEmpty()) {
        return Optional.empty();
      }
      if (s.get()) {
        out.add(t);
      }
    }
    return Optional.of(out);
  }

  /** The selected candidates in a namespace the monitor looks at. */
  static Optional<List<Target>> scraped(ValidationContext ctx, MonitorView monitor) {
    return selected(ctx, monitor)
        .map(l -> l.stream().filter(t -> monitor.coversNamespace(t.namespace())).toList());
  }

  /** Where to report a problem with what the monitor selects. */
  static YamlNode selectorNode(MonitorView m) {
    return m.selector().isPresent() ? m.selector() : m.manifest().spec();
  }

  static String kindOfTarget(MonitorView m) {
    return m.isPodMonitor() ? "pod template" : "Service";
  }
}
