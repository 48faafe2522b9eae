package com.kitchencpq.paramkernel.plugin.validate;

import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;

/**
 * Where a rule reports. The sink knows the rule's id and the invocation's options, so a rule only
 * says where and what.
 */
public interface FindingSink {
  /** Reports at the position and field path of {@code at}. */
  void report(Severity severity, YamlNode at, String message);

  default void error(YamlNode at, String message) {
    report(Severity.ERROR, at, message);
  }

  default void warning(YamlNode at, String message) {
    report(Severity.WARNING, at, message);
  }

  /**
   * A hazard: allowed by upstream and found on purpose in real manifests, but not acceptable in the
   * param-kernel plan. A warning when plan checks are off, an error when they are on.
   */
  void hazard(YamlNode at, String message);

  /** Reports at an explicit position (used for problems found before any node exists). */
  void report(Severity severity, String file, int line, int column, String field, String message);
}
