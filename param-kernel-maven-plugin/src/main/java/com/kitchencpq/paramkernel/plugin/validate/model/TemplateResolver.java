package com.kitchencpq.paramkernel.plugin.validate.model;

import com.kitchencpq.paramkernel.plugin.validate.Manifest;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves the templates an analysis refers to, including the templates those templates nest
 * ({@code spec.templates}), the way upstream flattens them: each template once, in order.
 */
public final class TemplateResolver {
  private TemplateResolver() {}

  /** The flattened templates and the references that could not be found. */
  public record Resolution(List<AnalysisTemplateView> templates, List<Missing> missing) {}

  /**
   * A reference that no validated file defines; {@code from} is the template that nests it, or
   * null.
   */
  public record Missing(TemplateRef ref, AnalysisTemplateView from) {}

  /**
   * The templates {@code refs} stand for, from {@code from}'s point of view. Worked out once per
   * invocation for each list of references (many rules ask for the same analysis).
   */
  public static Resolution resolve(ValidationContext ctx, Manifest from, List<TemplateRef> refs) {
    List<String> key = new ArrayList<>(refs.size() + 2);
    key.add("TemplateResolver");
    key.add(from.file() + "#" + from.index());
    for (TemplateRef r : refs) {
      // A reference built from a name alone (the analyze goal's template list) has no node.
      key.add(
          r.name()
              + "/"
              + r.clusterScope()
              + "@"
              + (r.node() == null ? "-" : r.node().line() + ":" + r.node().column()));
    }
    return ctx.memo(key, () -> compute(ctx, from, refs));
  }

  private static Resolution compute(ValidationContext ctx, Manifest from, List<TemplateRef> refs) {
    Set<AnalysisTemplateView> seen = new LinkedHashSet<>();
    List<Missing> missing = new ArrayList<>();
    for (TemplateRef ref : refs) {
      visit(ctx, from, ref, null, seen, missing);
    }
    return new Resolution(List.copyOf(seen), List.copyOf(missing));
  }

  private static void visit(
      ValidationContext ctx,
      Manifest from,
      TemplateRef ref,
      AnalysisTemplateView parent,
      Set<AnalysisTemplateView> seen,
      List<Missing> missing) {
    Optional<AnalysisTemplateView> t = ctx.findTemplate(from, ref.name(), ref.clusterScope());
    if (t.isEmpty()) {
      missing.add(new Missing(ref, parent));
      return;
    }
    if (!seen.add(t.get())) {
      return;
    }
    for (TemplateRef nested : t.get().nestedTemplates()) {
      visit(ctx, t.get().manifest(), nested, t.get(), seen, missing);
    }
  }
}
