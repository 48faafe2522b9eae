package com.kitchencpq.paramkernel.plugin.validate.rules.schema;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.rules.BaseRule;
import com.kitchencpq.paramkernel.plugin.validate.schema.SchemaCheck;

/** Required fields that are missing ({@link SchemaCheck.Problem#REQUIRED}). */
public final class RequiredRule extends BaseRule {
  public RequiredRule() {
    super(
        "schema.required",
        "Fields the custom resource definitions mark as required must be present.");
  }

  @Override
  public void check(ValidationContext ctx, FindingSink out) {
    SchemaIssues.report(SchemaCheck.Problem.REQUIRED, ctx, out);
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.error("A6–A12 (required lists)", "fields the CRDs mark as required")
        .fix("Add the required field the finding names.");
  }
}
