package com.kitchencpq.paramkernel.plugin.validate.rules.pod;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.Manifest;
import com.kitchencpq.paramkernel.plugin.validate.Rule;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.rules.Syntax;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;

/**
 * Label keys and values of checked objects, of the Rollout's pod template and of its selector must
 * follow Kubernetes label syntax.
 */
public final class LabelSyntaxRule implements Rule {
  @Override
  public String id() {
    return "pod.label-syntax";
  }

  @Override
  public String description() {
    return "Labels and selector labels must be valid Kubernetes label keys and values.";
  }

  @Override
  public void check(ValidationContext ctx, FindingSink out) {
    for (Manifest m : ctx.manifests()) {
      if (!(m.isRollout() || m.isAnyAnalysisTemplate() || m.isService())) {
        continue;
      }
      labels(m.root().at("metadata", "labels"), out);
      if (m.isRollout()) {
        labels(m.spec().at("template", "metadata", "labels"), out);
        labels(m.spec().at("selector", "matchLabels"), out);
      }
    }
  }

  static void labels(YamlNode map, FindingSink out) {
    for (YamlNode.Entry e : map.entries()) {
      Syntax.labelKeyProblem(e.key()).ifPresent(p -> out.error(e.keyNode(), p));
      if (e.value().isScalar() && !Syntax.hasTemplateTag(e.value().text())) {
        Syntax.labelValueProblem(e.value().text()).ifPresent(p -> out.error(e.value(), p));
      }
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.error("B8 (template labels)", "label keys/values of metadata and pod template")
        .fix(
            "Use valid label keys (an optional DNS prefix and `/`, then at most 63 characters) "
                + "and values (at most 63 letters, digits, '-', '_' and '.').");
  }
}
