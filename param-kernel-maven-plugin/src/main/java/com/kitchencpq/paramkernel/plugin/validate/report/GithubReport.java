package com.kitchencpq.paramkernel.plugin.validate.report;

import com.kitchencpq.paramkernel.plugin.github.GithubActions;
import com.kitchencpq.paramkernel.plugin.validate.Finding;
import com.kitchencpq.paramkernel.plugin.validate.ValidationReport;
import java.util.List;

/** Publishes findings as GitHub workflow annotations (file, line, column, rule id as title). */
public final class GithubReport {
  private GithubReport() {}

  public static void annotate(ValidationReport report, GithubActions github) {
    annotate(report.findings(), github);
  }

  public static void annotate(List<Finding> findings, GithubActions github) {
    for (Finding f : findings) {
      github.annotate(
          f.severity().label(), f.path(), f.line(), f.column(), f.ruleId(), f.message());
    }
  }
}
