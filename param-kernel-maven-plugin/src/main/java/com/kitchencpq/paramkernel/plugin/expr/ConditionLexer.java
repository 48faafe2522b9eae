package com.kitchencpq.paramkernel.plugin.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Splits a condition into tokens the way expr-lang does (numbers, strings, names, operators). */
final class ConditionLexer {
  enum Kind {
    NUMBER,
    STRING,
    NAME,
    OPERATOR,
    BRACKET,
    POINTER,
    PLACEHOLDER,
    EOF
  }

  record Token(Kind kind, String text, Object value, int offset) {
    boolean is(Kind k, String t) {
      return kind == k && text.equals(t);
    }
  }

  /** Operators of two characters, tried before single characters. */
  private static final Set<String> TWO_CHAR =
      Set.of("==", "!=", "<=", ">=", "&&", "||", "**", "..", "?.", "??");

  private static final String ONE_CHAR = "+-*/%^<>!?:|.,=;";

  private final String src;
  private int pos;

  private ConditionLexer(String src) {
    this.src = src;
  }

  static List<Token> tokens(String src) throws ConditionSyntaxException {
    return new ConditionLexer(src).run();
  }

  private List<Token> run() throws ConditionSyntaxException {
    List<Token> out = new ArrayList<>();
    while (true) {
      skipSpace();
      if (pos >= src.length()) {
        out.add(new Token(Kind.EOF, "", null, pos));
        return out;
      }
      char c = src.charAt(pos);
      int start = pos;
      if (c == '{' && src.startsWith("{{", pos)) {
        int close = src.indexOf("}}", pos + 2);
        if (close > 0 && !src.substring(pos + 2, close).contains("{")) {
          pos = close + 2;
          out.add(new Token(Kind.PLACEHOLDER, src.substring(start, pos), null, start));
          continue;
        }
      }
      if (Character.isDigit(c)
          || (c == '.'
              && pos + 1 < src.length()
              && Character.isDigit(src.charAt(pos + 1))
              && (out.isEmpty() || !endsOperand(out.get(out.size() - 1))))) {
        out.add(number());
      } else if (c == '"' || c == '\'') {
        out.add(quoted(c));
      } else if (c == '`') {
        int close = src.indexOf('`', pos + 1);
        if (close < 0) {
          throw new ConditionSyntaxException("literal not terminated", start);
        }
        pos = close + 1;
        out.add(
            new Token(
                Kind.STRING, src.substring(start, pos), src.substring(start + 1, close), start));
      } else if (Character.isLetter(c) || c == '_' || c == '$') {
        pos++;
        while (pos < src.length()
            && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
          pos++;
        }
        out.add(new Token(Kind.NAME, src.substring(start, pos), null, start));
      } else if (c == '#') {
        pos++;
        while (pos < src.length()
            && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
          pos++;
        }
        out.add(new Token(Kind.POINTER, src.substring(start + 1, pos), null, start));
      } else if ("()[]{}".indexOf(c) >= 0) {
        pos++;
        out.add(new Token(Kind.BRACKET, String.valueOf(c), null, start));
      } else if (pos + 1 < src.length() && TWO_CHAR.contains(src.substring(pos, pos + 2))) {
        pos += 2;
        out.add(new Token(Kind.OPERATOR, src.substring(start, pos), null, start));
      } else if (ONE_CHAR.indexOf(c) >= 0) {
        pos++;
        out.add(new Token(Kind.OPERATOR, String.valueOf(c), null, start));
      } else {
        throw new ConditionSyntaxException("unexpected character '" + c + "'", start);
      }
    }
  }

  private static boolean endsOperand(Token t) {
    return t.kind() == Kind.NAME
        || t.kind() == Kind.NUMBER
        || t.kind() == Kind.STRING
        || t.is(Kind.BRACKET, ")")
        || t.is(Kind.BRACKET, "]");
  }

  private void skipSpace() {
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (Character.isWhitespace(c)) {
        pos++;
      } else if (src.startsWith("//", pos)) {
        while (pos < src.length() && src.charAt(pos) != '\n') {
          pos++;
        }
      } else if (src.startsWith("/*", pos)) {
        int end = src.indexOf("*/", pos + 2);
        pos = end < 0 ? src.length() : end + 2;
      } else {
        return;
      }
    }
  }

  private Token number() throws ConditionSyntaxException {
    int start = pos;
    if (src.startsWith("0x", pos)
        || src.startsWith("0X", pos)
        || src.startsWith("0b", pos)
        || src.startsWith("0o", pos)) {
      char base = Character.toLowerCase(src.charAt(pos + 1));
      pos += 2;
      while (pos < src.length()
          && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
        pos++;
      }
      String digits = src.substring(start + 2, pos).replace("_", "");
      int radix = base == 'x' ? 16 : base == 'b' ? 2 : 8;
      try {
        return new Token(
            Kind.NUMBER, src.substring(start, pos), Long.parseLong(digits, radix), start);
      } catch (NumberFormatException e) {
        throw new ConditionSyntaxException("invalid number " + src.substring(start, pos), start);
      }
    }
    boolean isFloat = false;
    digits();
    if (pos < src.length() && src.charAt(pos) == '.' && !src.startsWith("..", pos)) {
      isFloat = true;
      pos++;
      digits();
    }
    if (pos < src.length() && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
      isFloat = true;
      pos++;
      if (pos < src.length() && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) {
        pos++;
      }
      int expStart = pos;
      digits();
      if (pos == expStart) {
        throw new ConditionSyntaxException("invalid number " + src.substring(start, pos), start);
      }
    }
    if (pos < src.length() && (Character.isLetter(src.charAt(pos)) || src.charAt(pos) == '_')) {
      throw new ConditionSyntaxException("invalid number " + src.substring(start, pos + 1), start);
    }
    String text = src.substring(start, pos);
    String clean = text.replace("_", "");
    try {
      Object value = isFloat ? (Object) Double.parseDouble(clean) : (Object) Long.parseLong(clean);
      return new Token(Kind.NUMBER, text, value, start);
    } catch (NumberFormatException e) {
      throw new ConditionSyntaxException("invalid number " + text, start);
    }
  }

  private void digits() {
    while (pos < src.length() && (Character.isDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
      pos++;
    }
  }

  private Token quoted(char quote) throws ConditionSyntaxException {
    int start = pos;
    pos++;
    StringBuilder sb = new StringBuilder();
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (c == quote) {
        pos++;
        return new Token(Kind.STRING, src.substring(start, pos), sb.toString(), start);
      }
      if (c == '\n') {
        break;
      }
      if (c == '\\' && pos + 1 < src.length()) {
        char e = src.charAt(pos + 1);
        pos += 2;
        switch (e) {
          case 'n' -> sb.append('\n');
          case 't' -> sb.append('\t');
          case 'r' -> sb.append('\r');
          case '\\', '\'', '"', '`' -> sb.append(e);
          default -> {
            // hex, unicode and octal escapes: the exact character does not matter to the checks.
            sb.append('?');
            while (pos < src.length() && Character.isLetterOrDigit(src.charAt(pos))) {
              pos++;
            }
          }
        }
        continue;
      }
      sb.append(c);
      pos++;
    }
    throw new ConditionSyntaxException("literal not terminated", start);
  }
}
