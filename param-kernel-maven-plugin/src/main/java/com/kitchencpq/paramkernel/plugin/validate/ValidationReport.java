package com.kitchencpq.paramkernel.plugin.validate;

import java.util.List;

/**
 * Everything one validation found.
 *
 * @param findings sorted by path, line, column and rule id
 * @param documents how many YAML documents were checked
 * @param files the displayed paths of the files read, in order
 */
public record ValidationReport(List<Finding> findings, int documents, List<String> files) {
  public ValidationReport {
    findings = findings.stream().sorted().toList();
    files = List.copyOf(files);
  }

  public long errors() {
    return findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
  }

  public long warnings() {
    return findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
  }

  public int fileCount() {
    return files.size();
  }

  /** Findings of one rule, for tests and callers that care about one check. */
  public List<Finding> byRule(String ruleId) {
    return findings.stream().filter(f -> f.ruleId().equals(ruleId)).toList();
  }
}
