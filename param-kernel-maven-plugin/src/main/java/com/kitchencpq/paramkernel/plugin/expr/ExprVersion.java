package com.kitchencpq.paramkernel.plugin.expr;

import java.util.Set;

/**
 * The releases of the expression engine that Argo Rollouts embeds, with what the static checks and
 * the evaluator must do differently for each. Which Argo Rollouts release embeds which is {@code
 * ArgoVersion}'s table; every fact here was read from the engine's source at the tag named
 * (github.com/expr-lang/expr, which also holds the antonmedv/expr history).
 */
public enum ExprVersion {
  /**
   * {@code github.com/antonmedv/expr v1.15.5}. Builtins: {@code builtin/builtin.go} ({@code
   * Builtins}); {@code max}/{@code min} are {@code builtin/func.go} {@code Max}/{@code Min}, whose
   * {@code Validate} accepts numbers only, so a list is a compile error; {@code sum}/{@code
   * mean}/{@code median} take exactly one list and no predicate.
   */
  V1_15_5("github.com/antonmedv/expr", "v1.15.5", Builtins.EXPR_1_15_5),
  /**
   * {@code github.com/expr-lang/expr v1.17.7}. {@code max}/{@code min} are {@code builtin/lib.go}
   * {@code minMax} (lists are flattened, {@code validateAggregateFunc} in {@code
   * builtin/validation.go}); {@code sum} is a predicate builtin ({@code sum(list, pred)}); adds
   * {@code concat flatten reverse uniq timezone} and the {@code bit*} functions.
   */
  V1_17_7("github.com/expr-lang/expr", "v1.17.7", Builtins.EXPR);

  /** The newest engine known; what callers that pass no version get. */
  public static final ExprVersion NEWEST = V1_17_7;

  private final String module;
  private final String tag;
  private final Set<String> builtins;

  ExprVersion(String module, String tag, Set<String> builtins) {
    this.module = module;
    this.tag = tag;
    this.builtins = builtins;
  }

  /** The Go module path, e.g. {@code github.com/antonmedv/expr}. */
  public String module() {
    return module;
  }

  /** The module version, e.g. {@code v1.15.5}. */
  public String tag() {
    return tag;
  }

  /** {@code github.com/antonmedv/expr v1.15.5}, as go.mod writes it. */
  public String label() {
    return module + " " + tag;
  }

  /** The engine's builtin functions (without Argo's helpers). */
  public Set<String> builtins() {
    return builtins;
  }

  /**
   * Whether {@code max}/{@code min} accept a list (1.17: flattened) rather than numbers only
   * (1.15.5).
   */
  public boolean aggregatesLists() {
    return this != V1_15_5;
  }

  /** Whether {@code sum} takes a predicate, {@code sum(list, # > 0)} (1.17). */
  public boolean sumTakesPredicate() {
    return this != V1_15_5;
  }

  /**
   * Whether {@code mean}/{@code median} take several arguments or nested lists (1.17) rather than
   * one list.
   */
  public boolean meanTakesSeveral() {
    return this != V1_15_5;
  }
}
