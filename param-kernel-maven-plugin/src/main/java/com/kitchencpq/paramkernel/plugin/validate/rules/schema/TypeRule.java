package com.kitchencpq.paramkernel.plugin.validate.rules.schema;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.rules.BaseRule;
import com.kitchencpq.paramkernel.plugin.validate.schema.SchemaCheck;

/** Fields of the wrong type ({@link SchemaCheck.Problem#WRONG_TYPE}). */
public final class TypeRule extends BaseRule {
  public TypeRule() {
    super(
        "schema.type",
        "Every field must have the type its API defines (integer, string, boolean, list, object).");
  }

  @Override
  public void check(ValidationContext ctx, FindingSink out) {
    SchemaIssues.report(SchemaCheck.Problem.WRONG_TYPE, ctx, out);
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.error(
            "A2",
            "scalar/list/object types (`setWeight: \"20\"`, `replicas: abc`, `timeoutSeconds:"
                + " ten`)")
        .fix("Give the field the type its API defines: `setWeight: 20`, not `setWeight: \"20\"`.");
  }
}
