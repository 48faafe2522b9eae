package com.kitchencpq.paramkernel.plugin.validate.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How findings are published besides the log lines. */
public enum OutputFormat {
  /** Log lines only. */
  TEXT,
  /** Log lines plus GitHub workflow annotations. */
  GITHUB,
  /** Log lines plus a SARIF 2.1.0 file. */
  SARIF;

  /** The format for a property value (case-insensitive), empty when unknown. */
  public static Optional<OutputFormat> parse(String value) {
    String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(f -> f.name().toLowerCase(Locale.ROOT).equals(v))
        .findFirst();
  }
}
