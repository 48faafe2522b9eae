package com.kitchencpq.paramkernel.plugin.expr;

import java.util.Set;

/**
 * The names a condition may use besides {@code result}: Argo's helpers and expr-lang's builtins.
 */
public final class Builtins {
  private Builtins() {}

  /** The helpers Argo puts into the environment of every condition. */
  public static final Set<String> ARGO =
      Set.of("asInt", "asFloat", "isNaN", "isInf", "isNil", "default");

  /**
   * The builtin functions of github.com/expr-lang/expr v1.17.7 ({@code builtin/builtin.go}, {@code
   * Builtins}, including the {@code bitFunc} entries), the engine of Argo Rollouts 1.10.
   */
  public static final Set<String> EXPR =
      Set.of(
          "len",
          "all",
          "none",
          "any",
          "one",
          "filter",
          "map",
          "find",
          "findIndex",
          "findLast",
          "findLastIndex",
          "count",
          "sum",
          "groupBy",
          "sortBy",
          "reduce",
          "type",
          "abs",
          "ceil",
          "floor",
          "round",
          "int",
          "float",
          "string",
          "trim",
          "trimPrefix",
          "trimSuffix",
          "upper",
          "lower",
          "split",
          "splitAfter",
          "replace",
          "repeat",
          "join",
          "indexOf",
          "lastIndexOf",
          "hasPrefix",
          "hasSuffix",
          "max",
          "min",
          "mean",
          "median",
          "toJSON",
          "fromJSON",
          "toBase64",
          "fromBase64",
          "now",
          "duration",
          "date",
          "timezone",
          "first",
          "last",
          "get",
          "take",
          "keys",
          "values",
          "toPairs",
          "fromPairs",
          "reverse",
          "uniq",
          "concat",
          "flatten",
          "sort",
          "bitand",
          "bitor",
          "bitxor",
          "bitnand",
          "bitnot",
          "bitshl",
          "bitshr",
          "bitushr");

  /**
   * The builtin functions of github.com/antonmedv/expr v1.15.5 ({@code builtin/builtin.go}, {@code
   * Builtins}), the engine of Argo Rollouts 1.7 to 1.9: no {@code concat flatten reverse uniq
   * timezone} and no {@code bit*} functions.
   */
  public static final Set<String> EXPR_1_15_5 =
      Set.of(
          "len",
          "all",
          "none",
          "any",
          "one",
          "filter",
          "map",
          "find",
          "findIndex",
          "findLast",
          "findLastIndex",
          "count",
          "sum",
          "groupBy",
          "sortBy",
          "reduce",
          "type",
          "abs",
          "ceil",
          "floor",
          "round",
          "int",
          "float",
          "string",
          "trim",
          "trimPrefix",
          "trimSuffix",
          "upper",
          "lower",
          "split",
          "splitAfter",
          "replace",
          "repeat",
          "join",
          "indexOf",
          "lastIndexOf",
          "hasPrefix",
          "hasSuffix",
          "max",
          "min",
          "mean",
          "median",
          "toJSON",
          "fromJSON",
          "toBase64",
          "fromBase64",
          "now",
          "duration",
          "date",
          "first",
          "last",
          "get",
          "take",
          "keys",
          "values",
          "toPairs",
          "fromPairs",
          "sort");

  private static final Set<String> PREDICATE =
      Set.of(
          "all",
          "none",
          "any",
          "one",
          "filter",
          "map",
          "find",
          "findIndex",
          "findLast",
          "findLastIndex",
          "count",
          "sum",
          "groupBy",
          "sortBy",
          "reduce");

  /** Whether {@code name} is a function a condition may call with the newest engine. */
  public static boolean isKnown(String name) {
    return ARGO.contains(name) || EXPR.contains(name);
  }

  /** Whether {@code name} is a function a condition may call with engine {@code version}. */
  public static boolean isKnown(String name, ExprVersion version) {
    return ARGO.contains(name) || version.builtins().contains(name);
  }

  /** Whether the second argument of {@code name} is a predicate over the elements ({@code #}). */
  public static boolean takesPredicate(String name) {
    return PREDICATE.contains(name);
  }
}
