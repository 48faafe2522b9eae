package com.kitchencpq.paramkernel.plugin.render;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the dollar-brace placeholders of a template. The language is deliberately small:
 * <ul>
 *   <li>{@code ${PARAM_KERNEL_IMAGE_DIGEST}}, the digest;</li>
 *   <li>{@code ${NAME:-default}}, a declared variable ({@code NAME} in capitals, digits and
 *       underscores; the default runs to the first closing brace and may be empty);</li>
 *   <li>{@code $${}, a literal {@code ${}.</li>
 * </ul>
 * Anything else that starts with {@code ${} is an error, wherever it is (comments too): a
 * template must never reach the cluster with a placeholder nobody filled in. A placeholder
 * never spans lines.
 */
final class PlaceholderScanner {
  static final String DIGEST_NAME = "PARAM_KERNEL_IMAGE_DIGEST";
  private static final Pattern VARIABLE =
      Pattern.compile("([A-Z_][A-Z0-9_]*):-(.*)", Pattern.DOTALL);
  private static final int MAX_REPORTED = 20;

  private PlaceholderScanner() {}

  /**
   * Every placeholder of the template in text order.
   *
   * @throws RenderException listing every malformed or unknown placeholder with its position
   */
  static List<Placeholder> scan(Template template) throws RenderException {
    String text = template.text();
    TextPosition positions = new TextPosition(text);
    List<Placeholder> found = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    int i = text.indexOf('$');
    while (i >= 0) {
      if (text.startsWith("$${", i)) {
        found.add(
            new Placeholder(
                Placeholder.Kind.ESCAPE,
                "",
                null,
                i,
                i + 2,
                positions.line(i),
                positions.column(i)));
        i = text.indexOf('$', i + 3);
        continue;
      }
      if (!text.startsWith("${", i)) {
        i = text.indexOf('$', i + 1);
        continue;
      }
      int close = closingBrace(text, i + 2);
      String where = template.name() + ":" + positions.line(i) + ":" + positions.column(i) + ": ";
      if (close < 0) {
        problems.add(
            where
                + "unterminated placeholder "
                + quoteRestOfLine(text, i)
                + " (no closing brace on this line)");
        i = text.indexOf('$', i + 2);
        continue;
      }
      String body = text.substring(i + 2, close);
      String written = text.substring(i, close + 1);
      Placeholder p = classify(body, i, close + 1, positions);
      if (p != null) {
        found.add(p);
      } else {
        problems.add(where + problem(body, written));
      }
      i = text.indexOf('$', close + 1);
    }
    if (!problems.isEmpty()) {
      throw new RenderException(report(problems));
    }
    return found;
  }

  private static Placeholder classify(String body, int start, int end, TextPosition positions) {
    int line = positions.line(start);
    int column = positions.column(start);
    if (body.equals(DIGEST_NAME)) {
      return new Placeholder(Placeholder.Kind.DIGEST, DIGEST_NAME, null, start, end, line, column);
    }
    Matcher m = VARIABLE.matcher(body);
    if (m.matches() && !m.group(1).equals(DIGEST_NAME) && !m.group(2).contains("${")) {
      return new Placeholder(
          Placeholder.Kind.VARIABLE, m.group(1), m.group(2), start, end, line, column);
    }
    return null;
  }

  private static String problem(String body, String written) {
    Matcher m = VARIABLE.matcher(body);
    if (m.matches() && m.group(1).equals(DIGEST_NAME)) {
      return "the digest placeholder takes no default: write ${"
          + DIGEST_NAME
          + "} instead of "
          + written;
    }
    if (m.matches()) {
      return "nested placeholder in the default of " + written + " (not supported)";
    }
    return "unknown placeholder "
        + written
        + "; render fills in only ${"
        + DIGEST_NAME
        + "} and variables declared with a default as ${NAME:-default} (write $${ for a literal"
        + " ${)";
  }

  /**
   * Offset of the brace that closes a placeholder opened before {@code from}, or -1 at a line end.
   */
  private static int closingBrace(String text, int from) {
    for (int j = from; j < text.length(); j++) {
      char c = text.charAt(j);
      if (c == '}') {
        return j;
      }
      if (c == '\n' || c == '\r') {
        return -1;
      }
    }
    return -1;
  }

  private static String quoteRestOfLine(String text, int from) {
    int end = from;
    while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
      end++;
    }
    String rest = text.substring(from, end);
    return rest.length() > 60 ? rest.substring(0, 60) + "..." : rest;
  }

  private static String report(List<String> problems) {
    if (problems.size() == 1) {
      return problems.get(0);
    }
    List<String> shown = problems.subList(0, Math.min(problems.size(), MAX_REPORTED));
    String more =
        problems.size() > MAX_REPORTED
            ? "\n" + "  ... and " + (problems.size() - MAX_REPORTED) + " more"
            : "";
    return problems.size()
        + " placeholder problems:"
        + "\n"
        + "  "
        + String.join("\n" + "  ", shown)
        + more;
  }
}
