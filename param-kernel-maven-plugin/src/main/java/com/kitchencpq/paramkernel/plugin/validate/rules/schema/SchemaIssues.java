package com.kitchencpq.paramkernel.plugin.validate.rules.schema;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.schema.SchemaCheck;

/**
 * Reports one kind of problem of the shared schema walk ({@link SchemaCheck}), which covers
 * Rollout, AnalysisTemplate, ClusterAnalysisTemplate and Service documents, including the Rollout's
 * pod template against fabric8's Kubernetes model. Each {@code schema.*} rule reports its own kind.
 */
final class SchemaIssues {
  private SchemaIssues() {}

  static void report(SchemaCheck.Problem problem, ValidationContext ctx, FindingSink out) {
    for (SchemaCheck.Issue issue : SchemaCheck.of(ctx)) {
      if (issue.problem() == problem) {
        out.error(issue.at(), issue.message());
      }
    }
  }
}
