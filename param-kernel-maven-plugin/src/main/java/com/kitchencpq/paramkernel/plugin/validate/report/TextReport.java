package com.kitchencpq.paramkernel.plugin.validate.report;

import com.kitchencpq.paramkernel.plugin.validate.Finding;
import com.kitchencpq.paramkernel.plugin.validate.ValidationReport;
import java.util.List;

/** The text form: one sorted line per finding and a one-line summary. */
public final class TextReport {
  private TextReport() {}

  /**
   * {@code <path>:<line>:<column>: <error|warning> [<rule-id>] <message>} for every finding,
   * sorted.
   */
  public static List<String> lines(ValidationReport report) {
    return report.findings().stream().sorted().map(Finding::toLine).toList();
  }

  /** One line saying what was checked and what was found. */
  public static String summary(ValidationReport report) {
    String checked =
        "Validated "
            + report.documents()
            + " document"
            + (report.documents() == 1 ? "" : "s")
            + " in "
            + report.fileCount()
            + " file"
            + (report.fileCount() == 1 ? "" : "s");
    if (report.findings().isEmpty()) {
      return checked + ": no findings";
    }
    return checked
        + ": "
        + report.errors()
        + " error"
        + (report.errors() == 1 ? "" : "s")
        + ", "
        + report.warnings()
        + " warning"
        + (report.warnings() == 1 ? "" : "s");
  }
}
