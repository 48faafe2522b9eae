package com.kitchencpq.paramkernel.plugin.validate.rules.ref;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.Manifest;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.model.RolloutView;
import com.kitchencpq.paramkernel.plugin.validate.rules.PerRolloutRule;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;
import java.util.Map;
import java.util.Optional;

/**
 * A Service the Rollout uses must select the rollout's pods: every selector label (except the
 * pod-template-hash Argo adds itself) must be on the pod template with the same value. A Service
 * already managed by another Rollout cannot be shared.
 */
public final class ServiceSelectorRule extends PerRolloutRule {
  static final String MANAGED_BY = "argo-rollouts.argoproj.io/managed-by-rollouts";

  public ServiceSelectorRule() {
    super(
        "ref.service-selector",
        "Services used by a Rollout must select its pod template labels and not belong to another"
            + " Rollout.");
  }

  @Override
  protected void check(RolloutView r, ValidationContext ctx, FindingSink out) {
    Optional<Map<String, String>> labels = podLabels(r, ctx);
    for (RolloutView.ServiceRef ref : r.serviceRefs()) {
      Optional<Manifest> svc = ctx.findService(r.manifest(), ref.name());
      if (svc.isEmpty()) {
        continue;
      }
      String owner = svc.get().root().at("metadata", "annotations", MANAGED_BY).text("");
      if (!owner.isEmpty() && !owner.equals(r.name())) {
        out.error(
            ref.node(),
            "Service '"
                + ref.name()
                + "' is managed by Rollout '"
                + owner
                + "'; give this rollout its own Service");
      }
      if (labels.isEmpty()) {
        continue;
      }
      for (YamlNode.Entry e : svc.get().spec().get("selector").entries()) {
        if (e.key().equals("rollouts-pod-template-hash")) {
          continue;
        }
        String want = e.value().text("");
        if (!want.equals(labels.get().get(e.key()))) {
          out.error(
              ref.node(),
              "Service '"
                  + ref.name()
                  + "' selects "
                  + e.key()
                  + "="
                  + want
                  + " but the rollout's pod template does not have that label; align the Service"
                  + " selector ("
                  + svc.get().file()
                  + ":"
                  + e.keyNode().line()
                  + ") with spec.template.metadata.labels");
          break;
        }
      }
    }
  }

  /**
   * The pod labels: the template's, or with workloadRef those of the referenced Deployment if
   * validated.
   */
  static Optional<Map<String, String>> podLabels(RolloutView r, ValidationContext ctx) {
    if (!r.hasWorkloadRef()) {
      return Optional.of(r.templateLabels());
    }
    YamlNode ref = r.spec().get("workloadRef");
    return ctx.find(
            r.manifest(), "apps", ref.get("kind").text("Deployment"), ref.get("name").text(""))
        .map(d -> d.spec().at("template", "metadata", "labels").stringMap());
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.error(
            "H2, H3",
            "Service selector labels on the pod template; Service not managed by another rollout")
        .fix(
            "Make the Service select the pod template's labels, and give each Service to one "
                + "rollout only.");
  }
}
