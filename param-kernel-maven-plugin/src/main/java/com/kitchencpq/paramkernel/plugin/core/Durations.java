package com.kitchencpq.paramkernel.plugin.core;

import java.time.Duration;
import java.util.Locale;

/** The durations of the plugin's own properties (timeouts, retry windows). */
public final class Durations {
  private Durations() {}

  /** Parses a duration property: {@code 15s}, {@code 500ms}, {@code 2m} or plain seconds. */
  public static Duration parse(String value, String property) throws GoalException {
    String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    try {
      Duration d;
      if (v.endsWith("ms")) {
        d = Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2).trim()));
      } else if (v.endsWith("s")) {
        d =
            Duration.ofMillis(
                Math.round(Double.parseDouble(v.substring(0, v.length() - 1).trim()) * 1000));
      } else if (v.endsWith("m")) {
        d = Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1).trim()) * 60);
      } else {
        d = Duration.ofMillis(Math.round(Double.parseDouble(v) * 1000));
      }
      if (d.isNegative()) {
        throw new NumberFormatException();
      }
      return d;
    } catch (NumberFormatException e) {
      throw GoalException.user(
          property + " must be a duration like 15s, 500ms or 2m, but is '" + value + "'");
    }
  }
}
