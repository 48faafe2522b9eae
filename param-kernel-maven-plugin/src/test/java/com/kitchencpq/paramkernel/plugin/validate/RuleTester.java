package com.kitchencpq.paramkernel.plugin.validate;

import com.kitchencpq.paramkernel.plugin.argo.ArgoVersion;
import java.util.Arrays;
import java.util.List;

/** Runs one rule (or all) over in-memory YAML, for rule unit tests. */
public final class RuleTester {
  private RuleTester() {}

  /** Findings of {@code rule} on one file {@code test.yaml}, plan checks off. */
  public static List<Finding> run(Rule rule, String yaml) {
    return run(rule, false, new SourceText("test.yaml", yaml));
  }

  /** Findings of {@code rule} with plan checks on. */
  public static List<Finding> runPlan(Rule rule, String yaml) {
    return run(rule, true, new SourceText("test.yaml", yaml));
  }

  /**
   * The positions and severities of the findings, as {@code id@line:severity} strings, for compact
   * assertions.
   */
  public static List<String> summary(List<Finding> findings) {
    return findings.stream()
        .map(f -> f.ruleId() + "@" + f.line() + ":" + f.severity().label())
        .toList();
  }

  public static List<Finding> run(Rule rule, boolean plan, SourceText... files) {
    return new Validator(List.of(rule))
        .validateSources(Arrays.asList(files), ValidationOptions.of(plan))
        .findings();
  }

  /**
   * Findings of {@code rule} on one file {@code test.yaml}, checked for Argo Rollouts {@code
   * version}.
   */
  public static List<Finding> run(Rule rule, ArgoVersion version, boolean plan, String yaml) {
    return new Validator(List.of(rule))
        .validateSources(
            List.of(new SourceText("test.yaml", yaml)),
            ValidationOptions.of(plan).withArgoVersion(version))
        .findings();
  }
}
