package com.kitchencpq.paramkernel.plugin.expr;

import com.kitchencpq.paramkernel.plugin.expr.ConditionLexer.Kind;
import com.kitchencpq.paramkernel.plugin.expr.ConditionLexer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses a success or failure condition into an {@link Expr} tree. The grammar and the operator
 * precedences follow expr-lang (the engine Argo Rollouts evaluates conditions with): {@code |} 0,
 * {@code or ||} 10, {@code and &&} 15, comparisons and {@code in matches contains startsWith
 * endsWith} 20, {@code ..} 25, {@code + -} 30, {@code * / %} 60, {@code ** ^} 100
 * (right-associative), {@code ??} 500; unary {@code ! not} 50 and {@code - +} 90; the conditional
 * {@code ? :} only at the top of an expression.
 */
public final class ConditionParser {
  private static final Map<String, Integer> BINARY =
      Map.ofEntries(
          Map.entry("|", 0),
          Map.entry("or", 10),
          Map.entry("||", 10),
          Map.entry("and", 15),
          Map.entry("&&", 15),
          Map.entry("==", 20),
          Map.entry("!=", 20),
          Map.entry("<", 20),
          Map.entry(">", 20),
          Map.entry("<=", 20),
          Map.entry(">=", 20),
          Map.entry("in", 20),
          Map.entry("matches", 20),
          Map.entry("contains", 20),
          Map.entry("startsWith", 20),
          Map.entry("endsWith", 20),
          Map.entry("..", 25),
          Map.entry("+", 30),
          Map.entry("-", 30),
          Map.entry("*", 60),
          Map.entry("/", 60),
          Map.entry("%", 60),
          Map.entry("**", 100),
          Map.entry("^", 100),
          Map.entry("??", 500));
  private static final Set<String> WORD_OPERATORS =
      Set.of("or", "and", "in", "matches", "contains", "startsWith", "endsWith");
  private static final Set<String> NEGATABLE =
      Set.of("in", "matches", "contains", "startsWith", "endsWith");
  private static final Set<String> RIGHT_ASSOCIATIVE = Set.of("**", "^");

  private final List<Token> tokens;
  private int pos;

  private ConditionParser(List<Token> tokens) {
    this.tokens = tokens;
  }

  /** Parses a whole condition. */
  public static Expr parse(String source) throws ConditionSyntaxException {
    if (source.isBlank()) {
      throw new ConditionSyntaxException("the condition is empty", 0);
    }
    ConditionParser p = new ConditionParser(ConditionLexer.tokens(source));
    Expr e = p.parseLetOrExpression();
    Token rest = p.peek();
    if (rest.kind() != Kind.EOF) {
      throw new ConditionSyntaxException("unexpected token '" + rest.text() + "'", rest.offset());
    }
    return e;
  }

  private Token peek() {
    return tokens.get(pos);
  }

  private Token peek(int ahead) {
    return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
  }

  private Token next() {
    Token t = tokens.get(pos);
    if (t.kind() != Kind.EOF) {
      pos++;
    }
    return t;
  }

  private boolean accept(Kind kind, String text) {
    if (peek().is(kind, text)) {
      pos++;
      return true;
    }
    return false;
  }

  private void expect(Kind kind, String text) throws ConditionSyntaxException {
    Token t = peek();
    if (!t.is(kind, text)) {
      throw new ConditionSyntaxException(
          "expected '"
              + text
              + "' but found "
              + (t.kind() == Kind.EOF ? "the end of the condition" : "'" + t.text() + "'"),
          t.offset());
    }
    pos++;
  }

  private Expr parseLetOrExpression() throws ConditionSyntaxException {
    Token t = peek();
    if (t.is(Kind.NAME, "let")) {
      next();
      Token name = next();
      if (name.kind() != Kind.NAME) {
        throw new ConditionSyntaxException("expected a variable name after 'let'", name.offset());
      }
      expect(Kind.OPERATOR, "=");
      Expr value = parseExpression(0);
      expect(Kind.OPERATOR, ";");
      return new Expr.Let(name.text(), value, parseLetOrExpression(), t.offset());
    }
    return parseExpression(0);
  }

  /** The binary operator at the cursor, or null; {@code not in} etc. are returned as "not in". */
  private String binaryOperator() {
    Token t = peek();
    if (t.kind() == Kind.OPERATOR && BINARY.containsKey(t.text())) {
      return t.text();
    }
    if (t.kind() == Kind.NAME && WORD_OPERATORS.contains(t.text())) {
      return t.text();
    }
    if (t.is(Kind.NAME, "not")
        && peek(1).kind() == Kind.NAME
        && NEGATABLE.contains(peek(1).text())) {
      return "not " + peek(1).text();
    }
    return null;
  }

  private Expr parseExpression(int minPrecedence) throws ConditionSyntaxException {
    Expr left = parsePrimary();
    while (true) {
      String op = binaryOperator();
      if (op == null) {
        break;
      }
      String base = op.startsWith("not ") ? op.substring(4) : op;
      int prec = BINARY.get(base);
      if (prec < minPrecedence) {
        break;
      }
      Token opToken = next();
      if (op.startsWith("not ")) {
        next();
      }
      if (op.equals("|")) {
        left = parsePipe(left, opToken);
        continue;
      }
      Expr right = parseExpression(RIGHT_ASSOCIATIVE.contains(op) ? prec : prec + 1);
      left = new Expr.Binary(op, left, right, opToken.offset());
    }
    if (minPrecedence == 0 && peek().is(Kind.OPERATOR, "?")) {
      Token q = next();
      if (accept(Kind.OPERATOR, ":")) {
        return new Expr.Conditional(left, left, parseExpression(0), q.offset());
      }
      Expr then = parseExpression(0);
      expect(Kind.OPERATOR, ":");
      Expr otherwise = parseExpression(0);
      return new Expr.Conditional(left, then, otherwise, q.offset());
    }
    return left;
  }

  private Expr parsePipe(Expr input, Token opToken) throws ConditionSyntaxException {
    Token name = next();
    if (name.kind() != Kind.NAME) {
      throw new ConditionSyntaxException("expected a function call after '|'", name.offset());
    }
    List<Expr> args = new ArrayList<>();
    args.add(input);
    if (peek().is(Kind.BRACKET, "(")) {
      args.addAll(parseArguments());
    }
    return parsePostfix(
        new Expr.Call(name.text(), wrapPredicates(name.text(), args), opToken.offset()));
  }

  private Expr parsePrimary() throws ConditionSyntaxException {
    Token t = peek();
    if ((t.is(Kind.OPERATOR, "!") || t.is(Kind.NAME, "not"))
        || t.is(Kind.OPERATOR, "-")
        || t.is(Kind.OPERATOR, "+")) {
      next();
      int prec = t.text().equals("-") || t.text().equals("+") ? 90 : 50;
      Expr operand = parseExpression(prec);
      return parsePostfix(new Expr.Unary(t.text(), operand, t.offset()));
    }
    next();
    Expr e;
    switch (t.kind()) {
      case NUMBER, STRING -> e = new Expr.Literal(t.value(), t.offset());
      case PLACEHOLDER -> e = new Expr.Placeholder(t.text(), t.offset());
      case POINTER -> e = new Expr.Pointer(t.text(), t.offset());
      case NAME -> e = name(t);
      case BRACKET -> e = bracket(t);
      case OPERATOR -> {
        if (t.text().equals(".") && peek().kind() == Kind.NAME) {
          e = new Expr.Member(new Expr.Pointer("", t.offset()), next().text(), false, t.offset());
        } else {
          throw unexpected(t);
        }
      }
      default -> throw unexpected(t);
    }
    return parsePostfix(e);
  }

  private static ConditionSyntaxException unexpected(Token t) {
    return new ConditionSyntaxException(
        t.kind() == Kind.EOF
            ? "unexpected end of the condition"
            : "unexpected token '" + t.text() + "'",
        t.offset());
  }

  private Expr name(Token t) throws ConditionSyntaxException {
    switch (t.text()) {
      case "true":
        return new Expr.Literal(Boolean.TRUE, t.offset());
      case "false":
        return new Expr.Literal(Boolean.FALSE, t.offset());
      case "nil":
        return new Expr.Literal(null, t.offset());
      default:
        if (WORD_OPERATORS.contains(t.text()) || t.text().equals("let")) {
          throw unexpected(t);
        }
        if (peek().is(Kind.BRACKET, "(")) {
          return new Expr.Call(t.text(), wrapPredicates(t.text(), parseArguments()), t.offset());
        }
        return new Expr.Ident(t.text(), t.offset());
    }
  }

  private Expr bracket(Token t) throws ConditionSyntaxException {
    switch (t.text()) {
      case "(":
        {
          Expr inner = parseLetOrExpression();
          expect(Kind.BRACKET, ")");
          return inner;
        }
      case "[":
        {
          List<Expr> items = new ArrayList<>();
          while (!peek().is(Kind.BRACKET, "]")) {
            items.add(parseExpression(0));
            if (!accept(Kind.OPERATOR, ",")) {
              break;
            }
          }
          expect(Kind.BRACKET, "]");
          return new Expr.ArrayLit(items, t.offset());
        }
      case "{":
        return braces(t);
      default:
        throw unexpected(t);
    }
  }

  /** {@code {}} and {@code {key: value}} are maps; anything else in braces is a predicate. */
  private Expr braces(Token open) throws ConditionSyntaxException {
    boolean map =
        peek().is(Kind.BRACKET, "}")
            || ((peek().kind() == Kind.NAME
                    || peek().kind() == Kind.STRING
                    || peek().kind() == Kind.NUMBER)
                && peek(1).is(Kind.OPERATOR, ":"));
    if (!map) {
      Expr body = parseExpression(0);
      expect(Kind.BRACKET, "}");
      return new Expr.Closure(body, open.offset());
    }
    List<Expr> keys = new ArrayList<>();
    List<Expr> values = new ArrayList<>();
    while (!peek().is(Kind.BRACKET, "}")) {
      Token k = next();
      Expr key;
      if (k.kind() == Kind.NAME) {
        key = new Expr.Literal(k.text(), k.offset());
      } else if (k.kind() == Kind.STRING || k.kind() == Kind.NUMBER) {
        key = new Expr.Literal(k.value(), k.offset());
      } else {
        throw unexpected(k);
      }
      expect(Kind.OPERATOR, ":");
      keys.add(key);
      values.add(parseExpression(0));
      if (!accept(Kind.OPERATOR, ",")) {
        break;
      }
    }
    expect(Kind.BRACKET, "}");
    return new Expr.MapLit(keys, values, open.offset());
  }

  private List<Expr> parseArguments() throws ConditionSyntaxException {
    expect(Kind.BRACKET, "(");
    List<Expr> args = new ArrayList<>();
    while (!peek().is(Kind.BRACKET, ")")) {
      args.add(parseExpression(0));
      if (!accept(Kind.OPERATOR, ",")) {
        break;
      }
    }
    expect(Kind.BRACKET, ")");
    return args;
  }

  /** The second argument of a predicate builtin is a predicate even without braces. */
  private static List<Expr> wrapPredicates(String function, List<Expr> args) {
    if (!Builtins.takesPredicate(function)
        || args.size() < 2
        || args.get(1) instanceof Expr.Closure) {
      return args;
    }
    List<Expr> out = new ArrayList<>(args);
    out.set(1, new Expr.Closure(args.get(1), args.get(1).offset()));
    return out;
  }

  private Expr parsePostfix(Expr target) throws ConditionSyntaxException {
    Expr e = target;
    while (true) {
      Token t = peek();
      if ((t.is(Kind.OPERATOR, ".") || t.is(Kind.OPERATOR, "?.")) && peek(1).kind() == Kind.NAME) {
        next();
        String name = next().text();
        if (peek().is(Kind.BRACKET, "(")) {
          e = new Expr.MethodCall(e, name, parseArguments(), t.offset());
        } else {
          e = new Expr.Member(e, name, t.text().equals("?."), t.offset());
        }
      } else if (t.is(Kind.OPERATOR, "?.") && peek(1).is(Kind.BRACKET, "[")) {
        next();
      } else if (t.is(Kind.BRACKET, "[")) {
        next();
        if (accept(Kind.OPERATOR, ":")) {
          Expr to = peek().is(Kind.BRACKET, "]") ? null : parseExpression(0);
          expect(Kind.BRACKET, "]");
          e = new Expr.Slice(e, null, to, t.offset());
          continue;
        }
        Expr index = parseExpression(0);
        if (accept(Kind.OPERATOR, ":")) {
          Expr to = peek().is(Kind.BRACKET, "]") ? null : parseExpression(0);
          expect(Kind.BRACKET, "]");
          e = new Expr.Slice(e, index, to, t.offset());
        } else {
          expect(Kind.BRACKET, "]");
          e = new Expr.Index(e, index, t.offset());
        }
      } else {
        return e;
      }
    }
  }
}
