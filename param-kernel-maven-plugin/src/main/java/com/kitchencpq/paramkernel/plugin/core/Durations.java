package com.kitchencpq.paramkernel.plugin.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The durations of the plugin's own properties (timeouts, retry windows), one grammar for every
 * goal: {@code 500ms}, {@code 15s} or {@code 1.5s}, {@code 2m}, {@code 1h}, ISO-8601 ({@code
 * PT30M}), or plain seconds ({@code 30}, {@code 0.5}).
 */
public final class Durations {
  private static final Pattern DECIMAL = Pattern.compile("[0-9]+(\\.[0-9]+)?");

  private Durations() {}

  /**
   * Parses a duration property; zero is allowed (a retry window of 0 means no retry).
   *
   * @throws GoalException naming the property, for anything else or a negative duration
   */
  public static Duration parse(String value, String property) throws GoalException {
    Duration d = read(value);
    if (d == null || d.isNegative()) {
      throw GoalException.user(
          property
              + " must be a duration like 15s, 500ms, 2m, 1h or PT30M, but is '"
              + value
              + "'");
    }
    return d;
  }

  /** As {@link #parse}, for a limit that must be longer than zero (a timeout). */
  public static Duration parsePositive(String value, String property) throws GoalException {
    Duration d = parse(value, property);
    if (d.isZero()) {
      throw GoalException.user(property + " must be longer than zero, but is '" + value + "'");
    }
    return d;
  }

  /** The duration {@code value} writes, or null when it is none. */
  private static Duration read(String value) {
    String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    try {
      if (v.startsWith("p")) {
        return Duration.parse(v.toUpperCase(Locale.ROOT));
      } else if (v.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2).strip()));
      } else if (v.endsWith("s")) {
        return seconds(v.substring(0, v.length() - 1));
      } else if (v.endsWith("m")) {
        return Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1).strip()));
      } else if (v.endsWith("h")) {
        return Duration.ofHours(Long.parseLong(v.substring(0, v.length() - 1).strip()));
      }
      return seconds(v);
    } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
      return null;
    }
  }

  /**
   * Plain decimal seconds only: Java's own number parser would also take {@code 1d}, {@code 2f} or
   * hex floats, so that a day written {@code 1d} would become one second.
   */
  private static Duration seconds(String text) {
    String t = text.strip();
    if (!DECIMAL.matcher(t).matches()) {
      throw new NumberFormatException(text);
    }
    return Duration.ofMillis(
        new BigDecimal(t).movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValueExact());
  }
}
