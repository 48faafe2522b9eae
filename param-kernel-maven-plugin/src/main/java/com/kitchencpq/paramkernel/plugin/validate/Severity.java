package com.kitchencpq.paramkernel.plugin.validate;

/** How bad a finding is. Errors fail the build; warnings only with failOnWarning. */
public enum Severity {
  ERROR,
  WARNING;

  /** The lower-case word used in finding lines and annotations. */
  public String label() {
    return this == ERROR ? "error" : "warning";
  }

  /**
   * The severity of a hazard: something real-world manifests do on purpose (an image pinned by tag,
   * a metric that cannot fail) but that the param-kernel plan must not contain.
   */
  public static Severity hazard(boolean planChecks) {
    return planChecks ? ERROR : WARNING;
  }
}
