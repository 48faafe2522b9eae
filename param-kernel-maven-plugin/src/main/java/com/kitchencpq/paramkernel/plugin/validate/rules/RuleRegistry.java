package com.kitchencpq.paramkernel.plugin.validate.rules;

import com.kitchencpq.paramkernel.plugin.validate.Rule;
import java.util.List;

/**
 * Every validation rule, in one list. A new rule is a small class in one of the packages
 * below this one and one line here.
 */
public final class RuleRegistry {
  private RuleRegistry() {}

  public static List<Rule> all() {
    return List.of(
        new YamlSyntaxRule());
  }
}
