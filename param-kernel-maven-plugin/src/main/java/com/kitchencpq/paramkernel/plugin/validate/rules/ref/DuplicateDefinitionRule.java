package com.kitchencpq.paramkernel.plugin.validate.rules.ref;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.Manifest;
import com.kitchencpq.paramkernel.plugin.validate.Rule;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Two different definitions of one kind and name in one namespace: whichever is applied last wins,
 * so references may not mean what the author thinks. Identical copies are fine.
 */
public final class DuplicateDefinitionRule implements Rule {
  @Override
  public String id() {
    return "ref.duplicate-definition";
  }

  @Override
  public String description() {
    return "One kind/namespace/name should be defined once (identical copies are fine).";
  }

  @Override
  public void check(ValidationContext ctx, FindingSink out) {
    Map<String, List<Manifest>> byIdentity = new LinkedHashMap<>();
    for (Manifest m : ctx.manifests()) {
      if (m.kind().isEmpty() || m.name().isEmpty()) {
        continue;
      }
      String key = m.group() + "/" + m.kind() + "/" + m.namespace() + "/" + m.name();
      byIdentity.computeIfAbsent(key, k -> new ArrayList<>()).add(m);
    }
    for (List<Manifest> same : byIdentity.values()) {
      Manifest first = same.get(0);
      Object content = ctx.content(first);
      for (Manifest other : same.subList(1, same.size())) {
        if (!Objects.equals(content, ctx.content(other))) {
          out.warning(
              other.root().at("metadata", "name"),
              other.kind()
                  + " '"
                  + other.name()
                  + "' is also defined differently at "
                  + first.file()
                  + ":"
                  + first.root().line()
                  + "; references prefer the definition in their own file; rename one of them if"
                  + " both are needed");
        }
      }
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.warning("ours", "one kind/namespace/name defined differently twice")
        .why("only one of the two definitions can be what is applied")
        .fix("Keep one definition, or validate the bundles one at a time.");
  }
}
