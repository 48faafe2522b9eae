package com.kitchencpq.paramkernel.plugin.validate.rules;

import java.util.Optional;
import java.util.regex.Pattern;

/** Syntax checks shared by rules: Kubernetes names and labels, Go durations. */
public final class Syntax {
  private Syntax() {}

  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Pattern QUALIFIED_NAME =
      Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");

  /** An RFC 1123 label (container names, port names' base): lower-case, digits, '-', at most 63. */
  public static boolean isDnsLabel(String s) {
    return s.length() <= 63 && DNS_LABEL.matcher(s).matches();
  }

  /** A label key: optional DNS subdomain prefix and '/', then a qualified name of at most 63. */
  public static Optional<String> labelKeyProblem(String key) {
    String name = key;
    int slash = key.indexOf('/');
    if (slash >= 0) {
      String prefix = key.substring(0, slash);
      name = key.substring(slash + 1);
      if (prefix.isEmpty() || prefix.length() > 253 || !DNS_SUBDOMAIN.matcher(prefix).matches()) {
        return Optional.of(
            "the prefix of label key '"
                + key
                + "' must be a DNS subdomain (lower-case letters, digits, '-' and '.')");
      }
    }
    if (name.isEmpty() || name.length() > 63 || !QUALIFIED_NAME.matcher(name).matches()) {
      return Optional.of(
          "label key '"
              + key
              + "' must be at most 63 characters of letters, digits, '-', '_'"
              + " and '.', starting and ending with a letter or digit");
    }
    return Optional.empty();
  }

  /** A label value: empty, or at most 63 characters like a qualified name. */
  public static Optional<String> labelValueProblem(String value) {
    if (value.isEmpty() || (value.length() <= 63 && QUALIFIED_NAME.matcher(value).matches())) {
      return Optional.empty();
    }
    return Optional.of(
        "label value '"
            + value
            + "' must be empty or at most 63 characters of letters, digits,"
            + " '-', '_' and '.', starting and ending with a letter or digit");
  }

  /**
   * Parses a Go {@code time.ParseDuration} string. Returns the duration in nanoseconds, or the
   * error text Go would give.
   */
  public static DurationResult parseGoDuration(String s) {
    String orig = s;
    if (s.isEmpty()) {
      return DurationResult.error("time: invalid duration \"" + orig + "\"");
    }
    boolean neg = false;
    if (s.charAt(0) == '-' || s.charAt(0) == '+') {
      neg = s.charAt(0) == '-';
      s = s.substring(1);
    }
    if (s.equals("0")) {
      return DurationResult.ok(0);
    }
    if (s.isEmpty()) {
      return DurationResult.error("time: invalid duration \"" + orig + "\"");
    }
    double total = 0;
    int i = 0;
    while (i < s.length()) {
      int start = i;
      while (i < s.length() && Character.isDigit(s.charAt(i))) {
        i++;
      }
      boolean pre = i > start;
      String intPart = s.substring(start, i);
      String frac = "";
      if (i < s.length() && s.charAt(i) == '.') {
        i++;
        int fs = i;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
          i++;
        }
        frac = s.substring(fs, i);
      }
      if (!pre && frac.isEmpty()) {
        return DurationResult.error("time: invalid duration \"" + orig + "\"");
      }
      int us = i;
      while (i < s.length() && s.charAt(i) != '.' && !Character.isDigit(s.charAt(i))) {
        i++;
      }
      String unit = s.substring(us, i);
      if (unit.isEmpty()) {
        return DurationResult.error("time: missing unit in duration \"" + orig + "\"");
      }
      double scale =
          switch (unit) {
            case "ns" -> 1;
            case "us", "µs", "μs" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "m" -> 60e9;
            case "h" -> 3600e9;
            default -> -1;
          };
      if (scale < 0) {
        return DurationResult.error(
            "time: unknown unit \"" + unit + "\" in duration \"" + orig + "\"");
      }
      double v =
          Double.parseDouble(
              (intPart.isEmpty() ? "0" : intPart) + (frac.isEmpty() ? "" : "." + frac));
      total += v * scale;
    }
    return DurationResult.ok((long) (neg ? -total : total));
  }

  /** The outcome of parsing a Go duration. */
  public record DurationResult(boolean valid, long nanos, String error) {
    static DurationResult ok(long nanos) {
      return new DurationResult(true, nanos, "");
    }

    static DurationResult error(String error) {
      return new DurationResult(false, 0, error);
    }
  }

  /**
   * True when the text contains an Argo {@code {{...}}} tag: its value is only known at run time.
   */
  public static boolean hasTemplateTag(String s) {
    return s != null && s.contains("{{") && s.contains("}}");
  }
}
