package com.kitchencpq.paramkernel.plugin.promql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A small PromQL reader: enough structure to tell what a query returns (scalar or vector), which
 * series selectors and aggregations it has, and how a ratio is built. It is not a validator: a
 * query it cannot read is simply not judged ({@link #parse} is empty). {@code {{args.x}}} tags are
 * kept as {@link Tag} nodes (their value is unknown).
 */
public final class PromQl {
  private PromQl() {}

  /** A node of the query. */
  public sealed interface Node {}

  public record Num(double value) implements Node {}

  public record Str(String value) implements Node {}

  /** A {@code {{...}}} tag standing where a whole expression could be. */
  public record Tag(String text) implements Node {}

  public record Paren(Node inner) implements Node {}

  /** A function call such as {@code rate(x[1m])} or {@code scalar(...)}. */
  public record Call(String name, List<Node> args) implements Node {}

  /**
   * An aggregation such as {@code sum by (le) (...)}; {@code grouping} is "by", "without" or "".
   */
  public record Agg(String name, List<Node> args, String grouping, List<String> labels)
      implements Node {}

  /**
   * {@code name{matchers}[range]}; {@code name} may be empty, {@code range} is null for instant
   * selectors.
   */
  public record Selector(String name, List<Matcher> matchers, String range) implements Node {}

  /**
   * {@code label op "value"}; {@code quoted} is false when the value was a bare {@code {{...}}}
   * tag.
   */
  public record Matcher(String label, String op, String value, boolean quoted) {}

  /**
   * {@code left op right}. {@code bool} is set for a comparison written with the {@code bool}
   * modifier ({@code x >= bool 1}): it yields 0 or 1 for every element instead of dropping the
   * elements where the comparison is false (Prometheus 2.42 {@code docs/querying/operators.md},
   * "Comparison binary operators"), so it filters nothing.
   */
  public record Binary(String op, Node left, Node right, boolean bool) implements Node {
    public Binary(String op, Node left, Node right) {
      this(op, left, right, false);
    }
  }

  public record Unary(String op, Node operand) implements Node {}

  /** What the Prometheus API returns for a query, as far as can be told from its text. */
  public enum Shape {
    SCALAR,
    VECTOR,
    UNKNOWN
  }

  public static final Set<String> AGGREGATIONS =
      Set.of(
          "sum",
          "min",
          "max",
          "avg",
          "group",
          "stddev",
          "stdvar",
          "count",
          "count_values",
          "bottomk",
          "topk",
          "quantile",
          "limitk",
          "limit_ratio");
  private static final Set<String> SCALAR_FUNCTIONS = Set.of("scalar", "time", "pi");
  private static final Map<String, Integer> PRECEDENCE =
      Map.ofEntries(
          Map.entry("or", 1),
          Map.entry("and", 2),
          Map.entry("unless", 2),
          Map.entry("==", 3),
          Map.entry("!=", 3),
          Map.entry("<", 3),
          Map.entry(">", 3),
          Map.entry("<=", 3),
          Map.entry(">=", 3),
          Map.entry("+", 4),
          Map.entry("-", 4),
          Map.entry("*", 5),
          Map.entry("/", 5),
          Map.entry("%", 5),
          Map.entry("atan2", 5),
          Map.entry("^", 6));

  /** Reads a query; empty when it does not parse (nothing is then concluded about it). */
  public static Optional<Node> parse(String query) {
    try {
      Reader r = new Reader(tokens(query));
      Node n = r.expr(0);
      return r.done() ? Optional.of(n) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * The result shape: SCALAR for literals, {@code scalar()}, {@code time()} and arithmetic on those
   * only.
   */
  public static Shape shape(Node n) {
    if (n instanceof Num) {
      return Shape.SCALAR;
    }
    if (n instanceof Paren p) {
      return shape(p.inner());
    }
    if (n instanceof Unary u) {
      return shape(u.operand());
    }
    if (n instanceof Tag || n instanceof Str) {
      return Shape.UNKNOWN;
    }
    if (n instanceof Call c) {
      return SCALAR_FUNCTIONS.contains(c.name()) ? Shape.SCALAR : Shape.VECTOR;
    }
    if (n instanceof Binary b) {
      Shape l = shape(b.left());
      Shape r = shape(b.right());
      if (l == Shape.VECTOR || r == Shape.VECTOR) {
        return Shape.VECTOR;
      }
      return l == Shape.SCALAR && r == Shape.SCALAR ? Shape.SCALAR : Shape.UNKNOWN;
    }
    return Shape.VECTOR;
  }

  /** Every node of the tree, depth first. */
  public static List<Node> nodes(Node root) {
    List<Node> out = new ArrayList<>();
    collect(root, out);
    return out;
  }

  private static void collect(Node n, List<Node> out) {
    out.add(n);
    if (n instanceof Paren p) {
      collect(p.inner(), out);
    } else if (n instanceof Call c) {
      c.args().forEach(a -> collect(a, out));
    } else if (n instanceof Agg a) {
      a.args().forEach(x -> collect(x, out));
    } else if (n instanceof Binary b) {
      collect(b.left(), out);
      collect(b.right(), out);
    } else if (n instanceof Unary u) {
      collect(u.operand(), out);
    }
  }

  /** The node without enclosing parentheses. */
  public static Node unwrap(Node n) {
    Node x = n;
    while (x instanceof Paren p) {
      x = p.inner();
    }
    return x;
  }

  /**
   * A Prometheus duration ({@code 30s}, {@code 1m}, {@code 1h30m}, {@code 500ms}; units ms s m h d
   * w y, largest first, as {@code model.ParseDuration} reads them) in milliseconds; empty when the
   * text is not one (a {@code {{args.x}}} tag, a typo).
   */
  public static java.util.OptionalLong durationMillis(String text) {
    if (text == null) {
      return java.util.OptionalLong.empty();
    }
    java.util.regex.Matcher m = DURATION.matcher(text.trim());
    if (!m.matches() || text.trim().isEmpty()) {
      return java.util.OptionalLong.empty();
    }
    long[] unit = {
      365L * 24 * 3600_000, 7L * 24 * 3600_000, 24L * 3600_000, 3600_000, 60_000, 1000, 1
    };
    long total = 0;
    for (int g = 1; g <= 7; g++) {
      if (m.group(g) != null) {
        total += Long.parseLong(m.group(g).replaceAll("[a-z]", "")) * unit[g - 1];
      }
    }
    return java.util.OptionalLong.of(total);
  }

  private static final java.util.regex.Pattern DURATION =
      java.util.regex.Pattern.compile(
          "(\\d+y)?(\\d+w)?(\\d+d)?(\\d+h)?(\\d+m(?!s))?(\\d+s)?(\\d+ms)?");

  /** The series selectors under {@code n}. */
  public static List<Selector> selectors(Node n) {
    return nodes(n).stream().filter(Selector.class::isInstance).map(Selector.class::cast).toList();
  }

  // ---------------------------------------------------------------- tokens

  private enum Kind {
    NUMBER,
    STRING,
    IDENT,
    TAG,
    RANGE,
    OP,
    LBRACE,
    RBRACE,
    LPAREN,
    RPAREN,
    COMMA,
    EOF
  }

  private record Tok(Kind kind, String text) {
    boolean is(Kind k, String t) {
      return kind == k && text.equals(t);
    }
  }

  private static List<Tok> tokens(String q) {
    List<Tok> out = new ArrayList<>();
    int i = 0;
    while (i < q.length()) {
      char c = q.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '#') {
        while (i < q.length() && q.charAt(i) != '\n') {
          i++;
        }
      } else if (q.startsWith("{{", i)
          && q.indexOf("}}", i + 2) > 0
          && !q.substring(i + 2, q.indexOf("}}", i + 2)).contains("{")) {
        int end = q.indexOf("}}", i + 2) + 2;
        out.add(new Tok(Kind.TAG, q.substring(i, end)));
        i = end;
      } else if (c == '"' || c == '\'' || c == '`') {
        int j = i + 1;
        StringBuilder sb = new StringBuilder();
        while (j < q.length() && q.charAt(j) != c) {
          if (q.charAt(j) == '\\' && c != '`' && j + 1 < q.length()) {
            j++;
          }
          sb.append(q.charAt(j));
          j++;
        }
        if (j >= q.length()) {
          throw new IllegalArgumentException("unterminated string");
        }
        out.add(new Tok(Kind.STRING, sb.toString()));
        i = j + 1;
      } else if (Character.isDigit(c)
          || (c == '.' && i + 1 < q.length() && Character.isDigit(q.charAt(i + 1)))) {
        int j = i;
        while (j < q.length()
            && (Character.isLetterOrDigit(q.charAt(j))
                || q.charAt(j) == '.'
                || ((q.charAt(j) == '+' || q.charAt(j) == '-')
                    && (q.charAt(j - 1) == 'e' || q.charAt(j - 1) == 'E')))) {
          j++;
        }
        out.add(new Tok(Kind.NUMBER, q.substring(i, j)));
        i = j;
      } else if (Character.isLetter(c) || c == '_' || c == ':') {
        int j = i;
        while (j < q.length()
            && (Character.isLetterOrDigit(q.charAt(j))
                || q.charAt(j) == '_'
                || q.charAt(j) == ':')) {
          j++;
        }
        String word = q.substring(i, j);
        String lower = word.toLowerCase(Locale.ROOT);
        out.add(
            new Tok(lower.equals("inf") || lower.equals("nan") ? Kind.NUMBER : Kind.IDENT, word));
        i = j;
      } else if (c == '[') {
        int end = q.indexOf(']', i);
        if (end < 0) {
          throw new IllegalArgumentException("unclosed [");
        }
        out.add(new Tok(Kind.RANGE, q.substring(i + 1, end).trim()));
        i = end + 1;
      } else if ("{}(),".indexOf(c) >= 0) {
        Kind k =
            switch (c) {
              case '{' -> Kind.LBRACE;
              case '}' -> Kind.RBRACE;
              case '(' -> Kind.LPAREN;
              case ')' -> Kind.RPAREN;
              default -> Kind.COMMA;
            };
        out.add(new Tok(k, String.valueOf(c)));
        i++;
      } else {
        String two = i + 1 < q.length() ? q.substring(i, i + 2) : "";
        if (Set.of("==", "!=", "<=", ">=", "=~", "!~").contains(two)) {
          out.add(new Tok(Kind.OP, two));
          i += 2;
        } else if ("+-*/%^<>=@".indexOf(c) >= 0) {
          out.add(new Tok(Kind.OP, String.valueOf(c)));
          i++;
        } else {
          throw new IllegalArgumentException("unexpected " + c);
        }
      }
    }
    out.add(new Tok(Kind.EOF, ""));
    return out;
  }

  // ---------------------------------------------------------------- parser

  private static final class Reader {
    private final List<Tok> toks;
    private int pos;

    Reader(List<Tok> toks) {
      this.toks = toks;
    }

    boolean done() {
      return toks.get(pos).kind() == Kind.EOF;
    }

    private Tok peek() {
      return toks.get(pos);
    }

    private Tok next() {
      Tok t = toks.get(pos);
      if (t.kind() != Kind.EOF) {
        pos++;
      }
      return t;
    }

    private void expect(Kind k) {
      if (next().kind() != k) {
        throw new IllegalArgumentException("expected " + k);
      }
    }

    private String binaryOp() {
      Tok t = peek();
      String op = t.text().toLowerCase(Locale.ROOT);
      if ((t.kind() == Kind.OP || t.kind() == Kind.IDENT) && PRECEDENCE.containsKey(op)) {
        return op;
      }
      return null;
    }

    Node expr(int minPrec) {
      Node left = unary();
      while (true) {
        String op = binaryOp();
        if (op == null || PRECEDENCE.get(op) < minPrec) {
          return left;
        }
        int prec = PRECEDENCE.get(op);
        next();
        boolean bool = peek().kind() == Kind.IDENT && peek().text().equals("bool");
        if (bool) {
          next();
        }
        if (peek().kind() == Kind.IDENT && Set.of("on", "ignoring").contains(peek().text())) {
          next();
          labels();
        }
        if (peek().kind() == Kind.IDENT
            && Set.of("group_left", "group_right").contains(peek().text())) {
          next();
          if (peek().kind() == Kind.LPAREN) {
            labels();
          }
        }
        Node right = expr(op.equals("^") ? prec : prec + 1);
        left = new Binary(op, left, right, bool);
      }
    }

    private Node unary() {
      Tok t = peek();
      if (t.is(Kind.OP, "-") || t.is(Kind.OP, "+")) {
        next();
        return new Unary(t.text(), expr(6));
      }
      return postfix(primary());
    }

    private Node postfix(Node n) {
      Node out = n;
      while (true) {
        Tok t = peek();
        if (t.kind() == Kind.RANGE) {
          next();
          out =
              out instanceof Selector s && s.range() == null
                  ? new Selector(s.name(), s.matchers(), t.text())
                  : new Call("subquery", List.of(out));
        } else if (t.kind() == Kind.IDENT && t.text().equals("offset")) {
          next();
          if (peek().is(Kind.OP, "-")) {
            next();
          }
          next();
        } else if (t.is(Kind.OP, "@")) {
          next();
          next();
          if (peek().kind() == Kind.LPAREN) {
            expect(Kind.LPAREN);
            expect(Kind.RPAREN);
          }
        } else {
          return out;
        }
      }
    }

    private Node primary() {
      Tok t = next();
      switch (t.kind()) {
        case NUMBER:
          return new Num(number(t.text()));
        case STRING:
          return new Str(t.text());
        case TAG:
          return new Tag(t.text());
        case LPAREN:
          {
            Node inner = expr(0);
            expect(Kind.RPAREN);
            return new Paren(inner);
          }
        case LBRACE:
          return new Selector("", matchers(), null);
        case IDENT:
          return ident(t.text());
        default:
          throw new IllegalArgumentException("unexpected " + t.text());
      }
    }

    private static double number(String text) {
      String l = text.toLowerCase(Locale.ROOT);
      if (l.equals("inf")) {
        return Double.POSITIVE_INFINITY;
      }
      if (l.equals("nan")) {
        return Double.NaN;
      }
      try {
        return l.startsWith("0x") ? Long.parseLong(l.substring(2), 16) : Double.parseDouble(l);
      } catch (NumberFormatException e) {
        return Double.NaN;
      }
    }

    private Node ident(String name) {
      String lower = name.toLowerCase(Locale.ROOT);
      if (AGGREGATIONS.contains(lower)) {
        String grouping = "";
        List<String> labels = List.of();
        if (peek().kind() == Kind.IDENT
            && Set.of("by", "without").contains(peek().text().toLowerCase(Locale.ROOT))) {
          grouping = next().text().toLowerCase(Locale.ROOT);
          labels = labels();
        }
        List<Node> args = args();
        if (grouping.isEmpty()
            && peek().kind() == Kind.IDENT
            && Set.of("by", "without").contains(peek().text().toLowerCase(Locale.ROOT))) {
          grouping = next().text().toLowerCase(Locale.ROOT);
          labels = labels();
        }
        return new Agg(lower, args, grouping, labels);
      }
      if (peek().kind() == Kind.LPAREN) {
        return new Call(name, args());
      }
      List<Matcher> matchers = List.of();
      if (peek().kind() == Kind.LBRACE) {
        next();
        matchers = matchers();
      }
      return new Selector(name, matchers, null);
    }

    private List<Node> args() {
      expect(Kind.LPAREN);
      List<Node> out = new ArrayList<>();
      while (peek().kind() != Kind.RPAREN) {
        out.add(expr(0));
        if (peek().kind() != Kind.COMMA) {
          break;
        }
        next();
      }
      expect(Kind.RPAREN);
      return out;
    }

    private List<String> labels() {
      expect(Kind.LPAREN);
      List<String> out = new ArrayList<>();
      while (peek().kind() == Kind.IDENT
          || peek().kind() == Kind.STRING
          || peek().kind() == Kind.TAG) {
        out.add(next().text());
        if (peek().kind() != Kind.COMMA) {
          break;
        }
        next();
      }
      expect(Kind.RPAREN);
      return out;
    }

    /** Matchers after the opening brace, up to and including the closing one. */
    private List<Matcher> matchers() {
      List<Matcher> out = new ArrayList<>();
      while (peek().kind() != Kind.RBRACE) {
        Tok label = next();
        if (label.kind() != Kind.IDENT && label.kind() != Kind.STRING && label.kind() != Kind.TAG) {
          throw new IllegalArgumentException("label expected");
        }
        if (peek().kind() == Kind.COMMA || peek().kind() == Kind.RBRACE) {
          out.add(new Matcher("__name__", "=", label.text(), label.kind() == Kind.STRING));
        } else {
          Tok op = next();
          if (op.kind() != Kind.OP || !Set.of("=", "!=", "=~", "!~").contains(op.text())) {
            throw new IllegalArgumentException("matcher operator expected");
          }
          Tok value = next();
          if (value.kind() != Kind.STRING && value.kind() != Kind.TAG) {
            throw new IllegalArgumentException("matcher value expected");
          }
          out.add(new Matcher(label.text(), op.text(), value.text(), value.kind() == Kind.STRING));
        }
        if (peek().kind() != Kind.COMMA) {
          break;
        }
        next();
      }
      expect(Kind.RBRACE);
      return out;
    }
  }
}
