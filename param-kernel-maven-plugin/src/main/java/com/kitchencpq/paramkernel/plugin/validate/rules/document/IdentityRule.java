package com.kitchencpq.paramkernel.plugin.validate.rules.document;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.Manifest;
import com.kitchencpq.paramkernel.plugin.validate.Rule;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;

/**
 * Every document must be a Kubernetes object: a mapping with {@code apiVersion} and {@code kind};
 * the objects this goal checks also need {@code metadata.name}.
 */
public final class IdentityRule implements Rule {
  @Override
  public String id() {
    return "document.identity";
  }

  @Override
  public String description() {
    return "Each document needs apiVersion and kind, and checked objects a metadata.name.";
  }

  @Override
  public void check(ValidationContext ctx, FindingSink out) {
    for (Manifest m : ctx.manifests()) {
      if (!m.root().isMapping()) {
        out.error(
            m.root(),
            "this document is not a Kubernetes object (expected a mapping with apiVersion and"
                + " kind)");
        continue;
      }
      if (m.apiVersion().isEmpty()) {
        out.error(
            m.root(),
            "the document has no 'apiVersion'; add one (e.g. argoproj.io/v1alpha1 or v1)");
      }
      if (m.kind().isEmpty()) {
        out.error(
            m.root(),
            "the document has no 'kind'; add one (e.g. Rollout, AnalysisTemplate or Service)");
      }
      boolean checked = m.isRollout() || m.isAnyAnalysisTemplate() || m.isService();
      if (checked && m.name().isEmpty() && m.root().at("metadata", "generateName").isAbsent()) {
        out.error(
            m.root().get("metadata").isPresent() ? m.root().get("metadata") : m.root(),
            m.kind() + " has no 'metadata.name'; give it a name");
      }
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.error("ours", "apiVersion, kind, and metadata.name for checked kinds")
        .why("rejected at apply time")
        .fix("Set the `apiVersion`, `kind` or `metadata.name` the finding names.");
  }
}
