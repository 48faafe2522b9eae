package com.kitchencpq.paramkernel.plugin.validate;

/**
 * One check. Rules are small plain classes: they read the documents of the invocation from the
 * context and report through the sink, which already knows the rule's id. Every rule is listed in
 * {@link com.kitchencpq.paramkernel.plugin.validate.rules.RuleRegistry}.
 */
public interface Rule {
  /** Stable id shown in findings, dotted and lower-case: {@code canary.setweight-range}. */
  String id();

  /** One line saying what the rule checks. */
  String description();

  /**
   * The rule's entry in the rule catalogue: severity class, upstream check, what it checks, why
   * that matters, how to fix it. {@code docs/rule-catalogue.md} is generated from these.
   */
  RuleDoc doc();

  void check(ValidationContext ctx, FindingSink out);
}
