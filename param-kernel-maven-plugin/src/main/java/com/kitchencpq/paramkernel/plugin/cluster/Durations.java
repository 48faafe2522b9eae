package com.kitchencpq.paramkernel.plugin.cluster;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * Durations as users write them in properties: {@code 90s}, {@code 30m}, {@code 1h}, {@code 500ms},
 * ISO-8601, or bare seconds.
 */
public final class Durations {
  private Durations() {}

  /**
   * Parses {@code text}; the message of a bad value names the property.
   *
   * @throws IllegalArgumentException for anything else, or a duration that is not positive
   */
  public static Duration parse(String text, String property) {
    String t = text == null ? "" : text.strip();
    Duration d;
    try {
      if (t.startsWith("P") || t.startsWith("p")) {
        d = Duration.parse(t);
      } else if (t.endsWith("ms")) {
        d = Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2).strip()));
      } else if (t.endsWith("s")) {
        d = Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1).strip()));
      } else if (t.endsWith("m")) {
        d = Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1).strip()));
      } else if (t.endsWith("h")) {
        d = Duration.ofHours(Long.parseLong(t.substring(0, t.length() - 1).strip()));
      } else {
        d = Duration.ofSeconds(Long.parseLong(t));
      }
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new IllegalArgumentException(
          property + "=" + text + " is not a duration (write 90s, 30m, 1h or PT30M)");
    }
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(property + "=" + text + " must be longer than zero");
    }
    return d;
  }
}
