package com.kitchencpq.paramkernel.plugin.validate.rules.hazard;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.model.MonitorView;
import com.kitchencpq.paramkernel.plugin.validate.rules.BaseRule;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;
import java.util.List;
import java.util.Optional;

/**
 * Hazard: a ServiceMonitor or PodMonitor whose selector matches objects of the bundle, all of them
 * in namespaces its {@code namespaceSelector} leaves out ({@code matchNames} without their
 * namespace, or no namespaceSelector and a namespace of its own that differs). The operator only
 * discovers targets in the selected namespaces, so nothing is scraped.
 */
public final class MonitorNamespaceExcludedRule extends BaseRule {
  public MonitorNamespaceExcludedRule() {
    super(
        "hazard.monitor-namespace-excluded",
        "A monitor's namespaceSelector must include the namespace of the objects it selects.");
  }

  @Override
  public void check(ValidationContext ctx, FindingSink out) {
    for (MonitorView m : Monitors.all(ctx)) {
      Optional<List<Monitors.Target>> selected = Monitors.selected(ctx, m);
      if (selected.isEmpty()
          || selected.get().isEmpty()
          || selected.get().stream().anyMatch(t -> m.coversNamespace(t.namespace()))) {
        continue;
      }
      YamlNode at =
          m.namespaceSelector().isPresent()
              ? m.namespaceSelector()
              : m.manifest().root().at("metadata", "namespace").isPresent()
                  ? m.manifest().root().at("metadata", "namespace")
                  : Monitors.selectorNode(m);
      String where =
          String.join(", ", selected.get().stream().map(t -> t.namespace()).distinct().toList());
      out.hazard(
          at,
          m.label()
              + " selects "
              + Monitors.kindOfTarget(m)
              + "s in namespace "
              + where
              + ", which its"
              + " namespaceSelector leaves out ("
              + (m.namespaceSelector().isPresent()
                  ? "matchNames: " + m.namespaces().map(Object::toString).orElse("any")
                  : "no namespaceSelector: only its own namespace '"
                      + m.manifest().namespace()
                      + "'")
              + "), so Prometheus scrapes nothing for it; add "
              + where
              + " to spec.namespaceSelector.matchNames");
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.hazard(
            "ours",
            "a monitor whose selector matches objects of the bundle only in namespaces its "
                + "`namespaceSelector` excludes (no namespaceSelector: its own namespace only)")
        .why("the operator discovers targets only in the selected namespaces: nothing is scraped")
        .fix(
            "List the objects' namespace in `spec.namespaceSelector.matchNames` (or `any: true`).");
  }
}
