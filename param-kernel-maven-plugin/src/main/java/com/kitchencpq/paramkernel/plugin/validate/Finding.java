package com.kitchencpq.paramkernel.plugin.validate;

import java.util.Comparator;
import java.util.Objects;

/**
 * One problem found in one file.
 *
 * @param path the file as displayed (relative to the top-level directory when inside it)
 * @param line 1-based line
 * @param column 1-based column
 * @param severity error or warning
 * @param ruleId the id of the rule that reported it
 * @param message what is wrong and what to change
 * @param field the field path inside the document, e.g. {@code
 *     spec.strategy.canary.steps[2].pause.duration}; empty for the document itself
 */
public record Finding(
    String path,
    int line,
    int column,
    Severity severity,
    String ruleId,
    String message,
    String field)
    implements Comparable<Finding> {

  private static final Comparator<Finding> ORDER =
      Comparator.comparing(Finding::path)
          .thenComparingInt(Finding::line)
          .thenComparingInt(Finding::column)
          .thenComparing(Finding::ruleId)
          .thenComparing(Finding::message)
          .thenComparing(Finding::severity)
          .thenComparing(Finding::field);

  public Finding {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(message, "message");
    field = field == null ? "" : field;
  }

  @Override
  public int compareTo(Finding o) {
    return ORDER.compare(this, o);
  }

  /**
   * The finding as one log line: {@code <path>:<line>:<column>: <error|warning> [<rule-id>]
   * <message>}.
   */
  public String toLine() {
    return path
        + ":"
        + line
        + ":"
        + column
        + ": "
        + severity.label()
        + " ["
        + ruleId
        + "] "
        + message;
  }
}
