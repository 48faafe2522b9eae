package com.kitchencpq.paramkernel.plugin.validate.rules.plan;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.Manifest;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.model.RolloutView;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;
import java.util.Map;
import java.util.Optional;

/**
 * The plan's traffic design: clients call {@code param-kernel-service}, which selects every pod of
 * the Rollout, so that canary pods get client traffic in proportion to their share of the pods;
 * Argo manages {@code param-kernel-service-canary} only (the Rollout's canaryService).
 *
 * <p>Without a traffic router the client Service must not be the Rollout's stableService: Argo
 * Rollouts sets the stable ReplicaSet's pod-template hash in the stableService selector on every
 * canary reconcile, router or not (rollout/service.go, reconcileStableAndCanaryService, v1.7 to
 * v1.9), so clients would never reach the canary, and at setWeight 100 the basic canary scales the
 * stable ReplicaSet to zero (utils/replicaset/canary.go,
 * approximateWeightedCanaryStableReplicaCounts) while the Service still selects it. Upstream tracks
 * that as argoproj/argo-rollouts#1760 and accepts the configuration. With a router (trafficRouting
 * set) the weights are exact and the client Service may be the stableService.
 */
public final class ServicesRule extends PlanRule {
  public ServicesRule() {
    super(
        "plan.services",
        "Clients call a Service that selects every pod; Argo manages the canary Service only.");
  }

  @Override
  protected void check(RolloutView r, ValidationContext ctx, FindingSink out) {
    if (!r.isCanary()) {
      return;
    }
    YamlNode canary = r.canary().get("canaryService");
    if (!canary.text("").equals(plan.canaryService())) {
      out.error(
          canary.isPresent() ? canary : r.canary(),
          "spec.strategy.canary.canaryService of Rollout '"
              + r.name()
              + "' is "
              + (canary.isPresent() ? "'" + canary.text("") + "'" : "not set")
              + "; the plan wants '"
              + plan.canaryService()
              + "' (the Service the warm-up job calls and the"
              + " analysis judges)");
    }
    String client = plan.clientService();
    boolean router = r.trafficRouting().isPresent();
    YamlNode stable = r.canary().get("stableService");
    if (!router && stable.text("").equals(client)) {
      out.error(
          stable,
          "stableService '"
              + client
              + "' of Rollout '"
              + r.name()
              + "' has no traffic router: Argo Rollouts pins this Service to the stable ReplicaSet,"
              + " so clients never reach the canary (setWeight only moves replicas), and from"
              + " setWeight 100 until the last step ends it selects a ReplicaSet scaled to zero: no"
              + " endpoints (argoproj/argo-rollouts#1760). Remove stableService and keep '"
              + client
              + "' selecting every pod of the Rollout, or add"
              + " spec.strategy.canary.trafficRouting");
    }
    checkClientService(r, ctx, out, client, router && stable.text("").equals(client));
  }

  /** The client Service is in the bundle and selects every pod of the Rollout. */
  private static void checkClientService(
      RolloutView r,
      ValidationContext ctx,
      FindingSink out,
      String client,
      boolean managedByRouter) {
    Optional<Manifest> svc = ctx.findService(r.manifest(), client);
    if (svc.isEmpty()) {
      out.error(
          r.manifest().root().get("metadata").get("name"),
          "the plan's client Service '"
              + client
              + "' is not in the validated files; add it, selecting the labels of the pod template"
              + " of Rollout '"
              + r.name()
              + "'");
      return;
    }
    YamlNode selector = svc.get().spec().get("selector");
    Map<String, String> podLabels = r.templateLabels();
    for (YamlNode.Entry e : selector.entries()) {
      if (e.key().equals("rollouts-pod-template-hash")) {
        if (!managedByRouter) {
          out.error(
              e.keyNode(),
              "Service '"
                  + client
                  + "' selects one pod-template hash: clients would reach only one version; remove"
                  + " rollouts-pod-template-hash from its selector (Argo sets it only on the"
                  + " Services the Rollout names)");
        }
        continue;
      }
      if (!e.value().text("").equals(podLabels.get(e.key()))) {
        out.error(
            e.keyNode(),
            "Service '"
                + client
                + "' selects "
                + e.key()
                + "="
                + e.value().text("")
                + ", which the pod template of Rollout '"
                + r.name()
                + "' does not carry; the client Service must"
                + " select every pod of the Rollout (spec.template.metadata.labels)");
      }
    }
    if (selector.entries().isEmpty()) {
      out.error(
          svc.get().spec(),
          "Service '"
              + client
              + "' has no selector; it must select the pods of"
              + " Rollout '"
              + r.name()
              + "' by their template labels");
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.plan(
            "`canaryService: param-kernel-service-canary`; the client Service"
                + " `param-kernel-service` is in the validated files and selects every pod of the"
                + " Rollout (no `rollouts-pod-template-hash`); without a traffic router it is not"
                + " the `stableService`")
        .why(
            "Argo pins the stableService to the stable ReplicaSet (argoproj/argo-rollouts#1760):"
                + " without a router clients would never reach the canary, and from setWeight 100"
                + " the Service would select a ReplicaSet scaled to zero")
        .fix(
            "Set `canaryService: param-kernel-service-canary`, leave `stableService` out (or add"
                + " `trafficRouting`), and let `param-kernel-service` select the pod template's"
                + " labels.");
  }
}
