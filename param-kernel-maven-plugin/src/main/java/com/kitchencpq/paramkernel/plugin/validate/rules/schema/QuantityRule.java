package com.kitchencpq.paramkernel.plugin.validate.rules.schema;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.rules.BaseRule;
import com.kitchencpq.paramkernel.plugin.validate.schema.SchemaCheck;

/** Resource amounts that are not Kubernetes quantities ({@link SchemaCheck.Problem#QUANTITY}). */
public final class QuantityRule extends BaseRule {
  public QuantityRule() {
    super("schema.quantity", "Resource amounts must be valid Kubernetes quantities.");
  }

  @Override
  public void check(ValidationContext ctx, FindingSink out) {
    SchemaIssues.report(SchemaCheck.Problem.QUANTITY, ctx, out);
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.error("A3", "Kubernetes quantity syntax of resource amounts")
        .fix("Write the amount as a Kubernetes quantity: `500m`, `1Gi`, `2`.");
  }
}
