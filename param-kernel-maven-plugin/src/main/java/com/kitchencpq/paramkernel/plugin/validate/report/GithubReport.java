package com.kitchencpq.paramkernel.plugin.validate.report;

import com.kitchencpq.paramkernel.plugin.github.GithubActions;
import com.kitchencpq.paramkernel.plugin.validate.Finding;
import com.kitchencpq.paramkernel.plugin.validate.ValidationReport;

/** Publishes findings as GitHub workflow annotations (file, line, column, rule id as title). */
public final class GithubReport {
  private GithubReport() {}

  public static void annotate(ValidationReport report, GithubActions github) {
    for (Finding f : report.findings()) {
      github.annotate(f.severity().label(), f.path(), f.line(), f.column(), f.ruleId(), f.message());
    }
  }
}
