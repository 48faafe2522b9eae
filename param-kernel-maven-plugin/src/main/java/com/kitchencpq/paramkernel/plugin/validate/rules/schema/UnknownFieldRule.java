package com.kitchencpq.paramkernel.plugin.validate.rules.schema;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.rules.BaseRule;
import com.kitchencpq.paramkernel.plugin.validate.schema.SchemaCheck;

/** Fields the schema walk does not know ({@link SchemaCheck.Problem#UNKNOWN_FIELD}). */
public final class UnknownFieldRule extends BaseRule {
  public UnknownFieldRule() {
    super(
        "schema.unknown-field",
        "Rollouts, analysis templates and Services must not contain fields their API does not"
            + " define.");
  }

  @Override
  public void check(ValidationContext ctx, FindingSink out) {
    SchemaIssues.report(SchemaCheck.Problem.UNKNOWN_FIELD, ctx, out);
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.error(
            "A1",
            "unknown fields in Rollout, AnalysisTemplate, ClusterAnalysisTemplate and v1 Service, "
                + "including the pod template (fabric8 model)")
        .fix("Remove the field or correct its spelling; the finding names its path.");
  }
}
