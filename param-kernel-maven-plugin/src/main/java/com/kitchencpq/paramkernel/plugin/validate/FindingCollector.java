package com.kitchencpq.paramkernel.plugin.validate;

import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Collects the findings of all rules of one invocation; identical findings are kept once. */
final class FindingCollector {
  private final Set<Finding> findings = new LinkedHashSet<>();
  private final boolean planChecks;

  FindingCollector(boolean planChecks) {
    this.planChecks = planChecks;
  }

  /** A sink that reports under {@code ruleId}. */
  FindingSink forRule(String ruleId) {
    return new FindingSink() {
      @Override
      public void report(Severity severity, YamlNode at, String message) {
        findings.add(
            new Finding(at.file(), at.line(), at.column(), severity, ruleId, message, at.path()));
      }

      @Override
      public void hazard(YamlNode at, String message) {
        report(Severity.hazard(planChecks), at, message);
      }

      @Override
      public void report(
          Severity severity, String file, int line, int column, String field, String message) {
        findings.add(new Finding(file, line, column, severity, ruleId, message, field));
      }
    };
  }

  List<Finding> findings() {
    return findings.stream().sorted().toList();
  }
}
