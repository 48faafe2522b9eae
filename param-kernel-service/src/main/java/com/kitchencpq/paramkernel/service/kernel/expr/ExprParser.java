package com.kitchencpq.paramkernel.service.kernel.expr;

import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser for the expression grammar of the contract. Lexing happens on the fly.
 * Every syntax error is an {@link ExprError} with code {@code expression-syntax} and a message that
 * names the 0-based character offset. Nesting (parentheses, calls, unary operators) is bounded by
 * {@link #MAX_NESTING} and the height of the tree by {@link #MAX_HEIGHT}, so neither parsing,
 * checking nor evaluation can exhaust the stack.
 */
public final class ExprParser {
  /** Deepest nesting of parentheses, calls and unary operators accepted. */
  public static final int MAX_NESTING = 200;

  /** Highest tree accepted (a chain {@code a+b+c+...} grows the tree by one per operator). */
  public static final int MAX_HEIGHT = 1000;

  private static final String SYNTAX = "expression-syntax";

  private final String src;
  private final int len;
  private int pos;
  private int nesting;

  // current token
  private int tokKind;
  private int tokStart;
  private String tokText;
  private double tokNum;

  private static final int EOF = 0;
  private static final int NUM = 1;
  private static final int STR = 2;
  private static final int NAME = 3;
  private static final int OP = 4;

  private ExprParser(String src) {
    this.src = src;
    this.len = src.length();
  }

  /** Parses {@code src} into an unchecked tree (names unresolved, types not yet computed). */
  public static Node parse(String src) throws ExprError {
    ExprParser p = new ExprParser(src);
    p.next();
    if (p.tokKind == EOF) {
      throw new ExprError(SYNTAX, "empty expression");
    }
    Node n = p.parseOr();
    if (p.tokKind != EOF) {
      throw p.unexpected();
    }
    return n;
  }

  // ---------------------------------------------------------------- grammar

  private Node parseOr() throws ExprError {
    Node left = parseAnd();
    while (isOp("||")) {
      int at = tokStart;
      next();
      left = bounded(new Node.Logic(at, false, left, parseAnd()));
    }
    return left;
  }

  private Node parseAnd() throws ExprError {
    Node left = parseCmp();
    while (isOp("&&")) {
      int at = tokStart;
      next();
      left = bounded(new Node.Logic(at, true, left, parseCmp()));
    }
    return left;
  }

  private Node parseCmp() throws ExprError {
    Node left = parseSum();
    if (tokKind == OP && isComparison(tokText)) {
      String op = tokText;
      int at = tokStart;
      next();
      Node right = parseSum();
      if (tokKind == OP && isComparison(tokText)) {
        throw new ExprError(
            SYNTAX,
            "comparisons do not chain: '"
                + tokText
                + "' at offset "
                + tokStart
                + " follows '"
                + op
                + "' at offset "
                + at
                + "; use && to combine them");
      }
      Node n =
          op.equals("==") || op.equals("!=")
              ? new Node.Equals(at, op.equals("!="), left, right)
              : new Node.Compare(at, op, left, right);
      return bounded(n);
    }
    return left;
  }

  private Node parseSum() throws ExprError {
    Node left = parseProd();
    while (isOp("+") || isOp("-")) {
      char op = tokText.charAt(0);
      int at = tokStart;
      next();
      left = bounded(new Node.Arith(at, op, left, parseProd()));
    }
    return left;
  }

  private Node parseProd() throws ExprError {
    Node left = parseUnary();
    while (isOp("*") || isOp("/") || isOp("%")) {
      char op = tokText.charAt(0);
      int at = tokStart;
      next();
      left = bounded(new Node.Arith(at, op, left, parseUnary()));
    }
    return left;
  }

  private Node parseUnary() throws ExprError {
    if (isOp("-") || isOp("!")) {
      boolean minus = tokText.equals("-");
      int at = tokStart;
      enter(at);
      next();
      Node operand = parseUnary();
      nesting--;
      return bounded(minus ? new Node.Neg(at, operand) : new Node.Not(at, operand));
    }
    return parseAtom();
  }

  private Node parseAtom() throws ExprError {
    int at = tokStart;
    switch (tokKind) {
      case NUM -> {
        double v = tokNum;
        next();
        return new Node.NumLit(at, v);
      }
      case STR -> {
        String s = tokText;
        next();
        return new Node.StrLit(at, s);
      }
      case NAME -> {
        String name = tokText;
        next();
        if (isOp("(")) {
          return parseCall(at, name);
        }
        if (name.equals("true") || name.equals("false")) {
          return new Node.BoolLit(at, name.equals("true"));
        }
        return new Node.Ref(at, name);
      }
      case OP -> {
        if (tokText.equals("(")) {
          enter(at);
          next();
          Node inner = parseOr();
          expectOp(")", "to close '(' at offset " + at);
          nesting--;
          return inner;
        }
        throw unexpected();
      }
      default -> throw unexpected();
    }
  }

  private Node parseCall(int at, String fn) throws ExprError {
    int arityMin;
    int arityMax;
    switch (fn) {
      case "min", "max" -> {
        arityMin = 1;
        arityMax = Integer.MAX_VALUE;
      }
      case "abs", "ceil", "floor", "sqrt" -> {
        arityMin = 1;
        arityMax = 1;
      }
      case "round" -> {
        arityMin = 1;
        arityMax = 2;
      }
      case "clamp", "if" -> {
        arityMin = 3;
        arityMax = 3;
      }
      default ->
          throw new ExprError(
              SYNTAX,
              "unknown function '"
                  + fn
                  + "' at offset "
                  + at
                  + " (known: min, max, abs, ceil, floor, sqrt, round, clamp, if)");
    }
    enter(at);
    next(); // '('
    List<Node> args = new ArrayList<>(4);
    if (!isOp(")")) {
      args.add(parseOr());
      while (isOp(",")) {
        next();
        args.add(parseOr());
      }
    }
    expectOp(")", "to close the call of " + fn + "() at offset " + at);
    nesting--;
    int n = args.size();
    if (n < arityMin || n > arityMax) {
      String want =
          arityMax == Integer.MAX_VALUE
              ? "at least " + arityMin
              : arityMin == arityMax ? "" + arityMin : arityMin + " or " + arityMax;
      throw new ExprError(
          SYNTAX,
          fn
              + "() at offset "
              + at
              + " takes "
              + want
              + " argument"
              + (want.equals("1") ? "" : "s")
              + ", got "
              + n);
    }
    Node[] a = args.toArray(new Node[0]);
    if (fn.equals("if")) {
      return bounded(new Node.If(at, a[0], a[1], a[2]));
    }
    return bounded(new Node.Call(at, fn, a));
  }

  // ---------------------------------------------------------------- helpers

  private void enter(int at) throws ExprError {
    if (++nesting > MAX_NESTING) {
      throw new ExprError(
          SYNTAX, "expression nested too deeply at offset " + at + " (limit " + MAX_NESTING + ")");
    }
  }

  private Node bounded(Node n) throws ExprError {
    if (n.height > MAX_HEIGHT) {
      throw new ExprError(
          SYNTAX,
          "expression too deep at offset "
              + n.offset
              + " (more than "
              + MAX_HEIGHT
              + " nested operations)");
    }
    return n;
  }

  private boolean isOp(String op) {
    return tokKind == OP && tokText.equals(op);
  }

  private static boolean isComparison(String op) {
    return switch (op) {
      case "==", "!=", "<", "<=", ">", ">=" -> true;
      default -> false;
    };
  }

  private void expectOp(String op, String why) throws ExprError {
    if (!isOp(op)) {
      throw new ExprError(
          SYNTAX,
          "expected '" + op + "' " + why + ", found " + describe() + " at offset " + tokStart);
    }
    next();
  }

  private ExprError unexpected() {
    return new ExprError(SYNTAX, "unexpected " + describe() + " at offset " + tokStart);
  }

  private String describe() {
    return switch (tokKind) {
      case EOF -> "end of expression";
      case NUM -> "number " + src.substring(tokStart, pos);
      case STR -> "string " + src.substring(tokStart, pos);
      case NAME -> "name '" + tokText + "'";
      default -> "'" + tokText + "'";
    };
  }

  // ---------------------------------------------------------------- lexer

  private void next() throws ExprError {
    while (pos < len) {
      char c = src.charAt(pos);
      if (c == ' ' || c == '\t' || c == '\n') {
        pos++;
      } else {
        break;
      }
    }
    tokStart = pos;
    if (pos >= len) {
      tokKind = EOF;
      tokText = null;
      return;
    }
    char c = src.charAt(pos);
    if (c >= '0' && c <= '9') {
      lexNumber();
    } else if (c == '"') {
      lexString();
    } else if (isNameStart(c)) {
      lexName();
    } else {
      lexOperator(c);
    }
  }

  private void lexNumber() throws ExprError {
    int start = pos;
    while (pos < len && isDigit(src.charAt(pos))) {
      pos++;
    }
    if (pos < len && src.charAt(pos) == '.') {
      pos++;
      if (pos >= len || !isDigit(src.charAt(pos))) {
        throw new ExprError(
            SYNTAX, "number at offset " + start + " ends with '.'; write a digit after the point");
      }
      while (pos < len && isDigit(src.charAt(pos))) {
        pos++;
      }
    }
    if (pos < len && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
      pos++;
      if (pos < len && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) {
        pos++;
      }
      if (pos >= len || !isDigit(src.charAt(pos))) {
        throw new ExprError(
            SYNTAX, "number at offset " + start + " has an exponent without digits");
      }
      while (pos < len && isDigit(src.charAt(pos))) {
        pos++;
      }
    }
    if (pos < len && (isNameStart(src.charAt(pos)) || src.charAt(pos) == '.')) {
      throw new ExprError(
          SYNTAX, "unexpected '" + src.charAt(pos) + "' at offset " + pos + " after a number");
    }
    String text = src.substring(start, pos);
    double v = Double.parseDouble(text);
    if (Double.isInfinite(v)) {
      throw new ExprError(
          "non-finite", "number " + text + " at offset " + start + " is too large for a double");
    }
    tokKind = NUM;
    tokNum = v;
    tokText = text;
  }

  private void lexString() throws ExprError {
    int start = pos;
    pos++;
    StringBuilder sb = null;
    int runStart = pos;
    while (true) {
      if (pos >= len) {
        throw new ExprError(SYNTAX, "string starting at offset " + start + " is not closed");
      }
      char c = src.charAt(pos);
      if (c == '"') {
        String s =
            sb == null ? src.substring(runStart, pos) : sb.append(src, runStart, pos).toString();
        pos++;
        tokKind = STR;
        tokText = s;
        return;
      }
      if (c == '\\') {
        if (pos + 1 >= len || (src.charAt(pos + 1) != '"' && src.charAt(pos + 1) != '\\')) {
          throw new ExprError(
              SYNTAX,
              "bad escape at offset " + pos + " in a string: only \\\" and \\\\ are allowed");
        }
        if (sb == null) {
          sb = new StringBuilder();
        }
        sb.append(src, runStart, pos).append(src.charAt(pos + 1));
        pos += 2;
        runStart = pos;
      } else {
        pos++;
      }
    }
  }

  private void lexName() throws ExprError {
    int start = pos;
    pos++;
    while (true) {
      while (pos < len && isNamePart(src.charAt(pos))) {
        pos++;
      }
      if (pos < len && src.charAt(pos) == '.') {
        if (pos + 1 < len && isNameStart(src.charAt(pos + 1))) {
          pos += 2;
          continue;
        }
        throw new ExprError(
            SYNTAX,
            "name at offset "
                + start
                + " has a '.' at offset "
                + pos
                + " that is not followed by a name part");
      }
      break;
    }
    tokKind = NAME;
    tokText = src.substring(start, pos);
  }

  private void lexOperator(char c) throws ExprError {
    char d = pos + 1 < len ? src.charAt(pos + 1) : 0;
    String op;
    switch (c) {
      case '(', ')', ',', '+', '-', '*', '/', '%' -> op = String.valueOf(c);
      case '<', '>' -> op = d == '=' ? c + "=" : String.valueOf(c);
      case '=' -> {
        if (d != '=') {
          throw new ExprError(SYNTAX, "unexpected '=' at offset " + pos + "; did you mean '=='?");
        }
        op = "==";
      }
      case '!' -> op = d == '=' ? "!=" : "!";
      case '&' -> {
        if (d != '&') {
          throw new ExprError(SYNTAX, "unexpected '&' at offset " + pos + "; did you mean '&&'?");
        }
        op = "&&";
      }
      case '|' -> {
        if (d != '|') {
          throw new ExprError(SYNTAX, "unexpected '|' at offset " + pos + "; did you mean '||'?");
        }
        op = "||";
      }
      default ->
          throw new ExprError(
              SYNTAX, "unexpected character '" + printable(c) + "' at offset " + pos);
    }
    pos += op.length();
    tokKind = OP;
    tokText = op.intern();
  }

  private static String printable(char c) {
    if (c < 0x20 || c > 0x7e) {
      return String.format("\\u%04x", (int) c);
    }
    return String.valueOf(c);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isNameStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }

  static boolean isNamePart(char c) {
    return isNameStart(c) || isDigit(c);
  }

  /** True when {@code s} matches the parameter-name pattern of the contract. */
  public static boolean isValidName(String s) {
    int n = s.length();
    int i = 0;
    while (true) {
      if (i >= n || !isNameStart(s.charAt(i))) {
        return false;
      }
      i++;
      while (i < n && isNamePart(s.charAt(i))) {
        i++;
      }
      if (i == n) {
        return true;
      }
      if (s.charAt(i) != '.') {
        return false;
      }
      i++;
    }
  }
}
