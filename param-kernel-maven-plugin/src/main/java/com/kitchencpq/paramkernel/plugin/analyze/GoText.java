package com.kitchencpq.paramkernel.plugin.analyze;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * The few Go library text conversions whose exact output the analysis shows or depends on: {@code
 * strconv.FormatFloat(f, 'f', -1, 64)} (how Prometheus' client renders a sample value, {@code
 * model.SampleValue.String} in prometheus/common v0.62.0), {@code fmt}'s {@code %v} of a float64,
 * {@code strconv.ParseFloat}, {@code strconv.Quote} and the JSON string escapes of {@code
 * encoding/json}. Argo Rollouts runs its argument substitution through the last two ({@code
 * utils/template/template.go}, {@code ResolveQuotedArgs}).
 */
final class GoText {
  private GoText() {}

  /** {@code strconv.FormatFloat(v, 'f', -1, 64)}: shortest round-trip digits, no exponent. */
  static String formatFloat(double v) {
    String special = special(v);
    return special != null ? special : shortest(v).toPlainString();
  }

  /** NaN, +Inf, -Inf, 0 and -0 as both formats write them; null for any other value. */
  private static String special(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    if (v == 0) {
      return (1 / v < 0) ? "-0" : "0";
    }
    return null;
  }

  /**
   * {@code fmt.Sprintf("%v", v)} of a float64: {@code strconv.FormatFloat(v, 'g', -1, 64)}, which
   * uses the exponent form when the decimal exponent is below -4 or at least 6 (for the shortest
   * precision Go decides with precision 6: {@code strconv/ftoa.go}, {@code %e is used if the
   * exponent from the conversion is less than -4 or greater than or equal to the precision}).
   */
  static String formatV(double v) {
    String special = special(v);
    if (special != null) {
      return special;
    }
    BigDecimal d = shortest(v);
    String digits = d.unscaledValue().abs().toString();
    int exp = digits.length() - 1 - d.scale();
    if (exp < -4 || exp >= 6) {
      StringBuilder sb = new StringBuilder();
      if (v < 0) {
        sb.append('-');
      }
      sb.append(digits.charAt(0));
      if (digits.length() > 1) {
        sb.append('.').append(digits, 1, digits.length());
      }
      sb.append('e').append(exp < 0 ? '-' : '+');
      int e = Math.abs(exp);
      if (e < 10) {
        sb.append('0');
      }
      return sb.append(e).toString();
    }
    return d.toPlainString();
  }

  /**
   * The shortest decimal that parses back to {@code v}, the closest one when several have that
   * length.
   */
  private static BigDecimal shortest(double v) {
    BigDecimal exact = new BigDecimal(v);
    for (int p = 1; p <= 17; p++) {
      BigDecimal best = null;
      for (RoundingMode mode :
          new RoundingMode[] {RoundingMode.HALF_EVEN, RoundingMode.FLOOR, RoundingMode.CEILING}) {
        BigDecimal c = exact.round(new MathContext(p, mode));
        if (c.doubleValue() == v
            && (best == null
                || c.subtract(exact).abs().compareTo(best.subtract(exact).abs()) < 0)) {
          best = c;
        }
      }
      if (best != null) {
        return best.stripTrailingZeros();
      }
    }
    return exact.stripTrailingZeros();
  }

  /**
   * {@code strconv.ParseFloat(s, 64)} for the texts Prometheus sends: decimal and exponent forms,
   * and NaN / Inf / Infinity in any case with an optional sign.
   *
   * @throws NumberFormatException with Go's message when the text is not a number
   */
  static double parseFloat(String s) {
    String t = s.toLowerCase(Locale.ROOT);
    String unsigned = t.startsWith("+") || t.startsWith("-") ? t.substring(1) : t;
    boolean negative = t.startsWith("-");
    switch (unsigned) {
      case "nan":
        if (t.equals(unsigned)) {
          return Double.NaN;
        }
        break;
      case "inf", "infinity":
        return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
      default:
        if (!unsigned.isEmpty()
            && unsigned
                .chars()
                .allMatch(
                    c ->
                        (c >= '0' && c <= '9')
                            || c == '.'
                            || c == 'e'
                            || c == '+'
                            || c == '-'
                            || c == '_')) {
          try {
            return Double.parseDouble(t.replace("_", ""));
          } catch (NumberFormatException e) {
            break;
          }
        }
        break;
    }
    throw new NumberFormatException("strconv.ParseFloat: parsing " + quote(s) + ": invalid syntax");
  }

  /** {@code strconv.Quote(s)}: a double-quoted Go string literal. */
  static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    int i = 0;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      switch (cp) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case 7 -> sb.append("\\a");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case 11 -> sb.append("\\v");
        default -> {
          if (isPrint(cp)) {
            sb.appendCodePoint(cp);
          } else if (cp < 0x80) {
            sb.append(String.format("\\x%02x", cp));
          } else if (Character.isSurrogate((char) cp)) {
            sb.append("\\ufffd");
          } else if (cp < 0x10000) {
            sb.append(String.format("\\u%04x", cp));
          } else {
            sb.append(String.format("\\U%08x", cp));
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  /**
   * Go's {@code unicode.IsPrint}: letters, marks, numbers, punctuation, symbols and the ASCII space
   * (as close as Java's Unicode tables allow).
   */
  static boolean isPrint(int cp) {
    if (cp == ' ') {
      return true;
    }
    return switch (Character.getType(cp)) {
      case Character.UPPERCASE_LETTER,
          Character.LOWERCASE_LETTER,
          Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER,
          Character.OTHER_LETTER,
          Character.NON_SPACING_MARK,
          Character.ENCLOSING_MARK,
          Character.COMBINING_SPACING_MARK,
          Character.DECIMAL_DIGIT_NUMBER,
          Character.LETTER_NUMBER,
          Character.OTHER_NUMBER,
          Character.CONNECTOR_PUNCTUATION,
          Character.DASH_PUNCTUATION,
          Character.START_PUNCTUATION,
          Character.END_PUNCTUATION,
          Character.INITIAL_QUOTE_PUNCTUATION,
          Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION,
          Character.MATH_SYMBOL,
          Character.CURRENCY_SYMBOL,
          Character.MODIFIER_SYMBOL,
          Character.OTHER_SYMBOL ->
          true;
      default -> false;
    };
  }

  /**
   * The body of a JSON string as Go's {@code encoding/json} writes it (without the quotes): {@code
   * "} and {@code \} escaped, control characters as {@code \n}, {@code \r}, {@code \t}, {@code \b},
   * {@code \f} or a four-digit {@code u} escape. (Go also writes {@code <>&} as {@code u} escapes;
   * that changes nothing a tag can match, so it is left out.)
   */
  static String jsonEscape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }

  /**
   * Decodes the body of a JSON string the way Go's {@code encoding/json} does, failing where it
   * fails: an escape other than {@code \" \\ \/ \b \f \n \r \t} and the four-digit {@code u}
   * escape, or a raw control character.
   *
   * @throws IllegalArgumentException with Go's message
   */
  static String jsonUnescape(String body) {
    StringBuilder sb = new StringBuilder(body.length());
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c < 0x20) {
        throw new IllegalArgumentException(
            "invalid character " + quoteChar(c) + " in string literal");
      }
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      if (i + 1 >= body.length()) {
        throw new IllegalArgumentException("unexpected end of JSON input");
      }
      char e = body.charAt(++i);
      switch (e) {
        case '"', '\\', '/' -> sb.append(e);
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 't' -> sb.append('\t');
        case 'u' -> {
          String hex = body.substring(i + 1, Math.min(body.length(), i + 5));
          if (hex.length() < 4 || !hex.chars().allMatch(h -> Character.digit(h, 16) >= 0)) {
            throw new IllegalArgumentException(
                "invalid character in \\u hexadecimal character escape");
          }
          sb.append((char) Integer.parseInt(hex, 16));
          i += 4;
        }
        default ->
            throw new IllegalArgumentException(
                "invalid character " + quoteChar(e) + " in string escape code");
      }
    }
    return sb.toString();
  }

  /**
   * Go's {@code quoteChar} in encoding/json's scanner errors: {@code 'x'}, {@code '\''}, {@code
   * '"'}.
   */
  private static String quoteChar(char c) {
    if (c == '\'') {
      return "'\\''";
    }
    if (c == '"') {
      return "'\"'";
    }
    String q = quote(String.valueOf(c));
    return "'" + q.substring(1, q.length() - 1) + "'";
  }
}
