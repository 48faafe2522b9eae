package com.kitchencpq.paramkernel.plugin.validate.rules.structure;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.Rule;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.schema.SchemaCheck;

/**
 * Reports one kind of problem of the shared schema walk ({@link SchemaCheck}), which covers
 * Rollout, AnalysisTemplate, ClusterAnalysisTemplate and Service documents, including the
 * Rollout's pod template against fabric8's Kubernetes model.
 */
public final class SchemaIssueRule implements Rule {
  private final String id;
  private final String description;
  private final SchemaCheck.Problem problem;

  private SchemaIssueRule(String id, String description, SchemaCheck.Problem problem) {
    this.id = id;
    this.description = description;
    this.problem = problem;
  }

  public static SchemaIssueRule unknownField() {
    return new SchemaIssueRule("schema.unknown-field",
        "Rollouts, analysis templates and Services must not contain fields their API does not define.",
        SchemaCheck.Problem.UNKNOWN_FIELD);
  }

  public static SchemaIssueRule type() {
    return new SchemaIssueRule("schema.type",
        "Every field must have the type its API defines (integer, string, boolean, list, object).",
        SchemaCheck.Problem.WRONG_TYPE);
  }

  public static SchemaIssueRule required() {
    return new SchemaIssueRule("schema.required",
        "Fields the custom resource definitions mark as required must be present.",
        SchemaCheck.Problem.REQUIRED);
  }

  public static SchemaIssueRule quantity() {
    return new SchemaIssueRule("schema.quantity",
        "Resource amounts must be valid Kubernetes quantities.", SchemaCheck.Problem.QUANTITY);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public void check(ValidationContext ctx, FindingSink out) {
    for (SchemaCheck.Issue issue : SchemaCheck.of(ctx)) {
      if (issue.problem() == problem) {
        out.error(issue.at(), issue.message());
      }
    }
  }
}
