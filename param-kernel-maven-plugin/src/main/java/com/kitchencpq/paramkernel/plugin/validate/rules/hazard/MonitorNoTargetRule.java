package com.kitchencpq.paramkernel.plugin.validate.rules.hazard;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.model.MonitorView;
import com.kitchencpq.paramkernel.plugin.validate.rules.BaseRule;
import java.util.List;
import java.util.Optional;

/**
 * Hazard: a ServiceMonitor whose label selector matches no Service of the bundle, or a PodMonitor
 * whose selector matches no pod template of it (Rollouts and apps/v1 workloads). Prometheus then
 * scrapes nothing for it, every query over those pods is empty, and the analysis has no data (an
 * Error per measurement without a len guard, Inconclusive with one). Said only when the bundle has
 * objects of the kind it selects: a monitor for objects managed elsewhere is not judged.
 */
public final class MonitorNoTargetRule extends BaseRule {
  public MonitorNoTargetRule() {
    super(
        "hazard.monitor-no-target",
        "A ServiceMonitor or PodMonitor must select an object of the bundle.");
  }

  @Override
  public void check(ValidationContext ctx, FindingSink out) {
    for (MonitorView m : Monitors.all(ctx)) {
      List<Monitors.Target> candidates = Monitors.candidates(ctx, m);
      Optional<List<Monitors.Target>> selected = Monitors.selected(ctx, m);
      if (candidates.isEmpty() || selected.isEmpty() || !selected.get().isEmpty()) {
        continue;
      }
      String kind = Monitors.kindOfTarget(m);
      out.hazard(
          Monitors.selectorNode(m),
          m.label()
              + " selects no "
              + kind
              + " of the bundle (its selector matches"
              + " the labels of none of "
              + String.join(
                  ", ",
                  candidates.stream().map(t -> "'" + t.owner().name() + "'").distinct().toList())
              + "), so Prometheus scrapes nothing for it and every analysis query over those"
              + " pods has no data; make spec.selector match the "
              + kind
              + "'s metadata labels"
              + (m.isPodMonitor() ? " (spec.template.metadata.labels)" : ""));
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.hazard(
            "ours",
            "a ServiceMonitor whose `spec.selector` matches no Service of the bundle, a PodMonitor"
                + " whose selector matches no pod template of it (not said when the bundle has none"
                + " of that kind)")
        .why("Prometheus scrapes nothing: the analysis queries have no data")
        .fix("Make `spec.selector` match the labels of the Services (pod templates) to scrape.");
  }
}
