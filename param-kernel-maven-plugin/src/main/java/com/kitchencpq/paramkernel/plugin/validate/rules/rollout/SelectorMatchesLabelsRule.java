package com.kitchencpq.paramkernel.plugin.validate.rules.rollout;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.model.RolloutView;
import com.kitchencpq.paramkernel.plugin.validate.rules.PerRolloutRule;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;
import java.util.List;
import java.util.Map;

/** The selector must select the pods the template creates (skipped with workloadRef). */
public final class SelectorMatchesLabelsRule extends PerRolloutRule {
  public SelectorMatchesLabelsRule() {
    super(
        "rollout.selector-matches-labels",
        "spec.selector must match spec.template.metadata.labels.");
  }

  @Override
  protected void check(RolloutView r, ValidationContext ctx, FindingSink out) {
    YamlNode selector = r.spec().get("selector");
    if (r.hasWorkloadRef()
        || !selector.isMapping()
        || (selector.get("matchLabels").size() == 0
            && selector.get("matchExpressions").size() == 0)) {
      return;
    }
    Map<String, String> labels = r.templateLabels();
    YamlNode at = r.podTemplate().at("metadata", "labels");
    for (YamlNode.Entry e : selector.get("matchLabels").entries()) {
      String want = e.value().text("");
      if (!want.equals(labels.get(e.key()))) {
        out.error(
            at,
            "spec.selector.matchLabels "
                + e.key()
                + "="
                + want
                + " does not match the pod template's labels; add that label to"
                + " spec.template.metadata.labels");
        return;
      }
    }
    for (YamlNode ex : selector.get("matchExpressions").items()) {
      String key = ex.get("key").text("");
      List<String> values = ex.get("values").items().stream().map(v -> v.text("")).toList();
      String have = labels.get(key);
      boolean ok =
          switch (ex.get("operator").text("")) {
            case "In" -> have != null && values.contains(have);
            case "NotIn" -> have == null || !values.contains(have);
            case "Exists" -> have != null;
            case "DoesNotExist" -> have == null;
            default -> true;
          };
      if (!ok) {
        out.error(
            at,
            "spec.selector.matchExpressions on '"
                + key
                + "' does not match the pod template's labels; change the labels or the"
                + " expression");
        return;
      }
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.error("B7", "selector matches the pod template labels")
        .fix("Make `spec.selector` match `spec.template.metadata.labels`.");
  }
}
