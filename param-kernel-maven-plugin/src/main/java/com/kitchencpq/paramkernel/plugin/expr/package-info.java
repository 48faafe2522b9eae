/**
 * The expression language of Argo Rollouts' success and failure conditions (a subset of expr-lang):
 * lexer, parser, static type checker, an evaluator with Go's float semantics, and the names Argo
 * and expr-lang provide. Plain Java with no view of manifests, so that every goal that reads
 * conditions (validate today) uses the same engine.
 */
package com.kitchencpq.paramkernel.plugin.expr;
