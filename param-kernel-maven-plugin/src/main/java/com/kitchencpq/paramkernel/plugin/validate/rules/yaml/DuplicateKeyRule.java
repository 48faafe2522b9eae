package com.kitchencpq.paramkernel.plugin.validate.rules.yaml;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.Manifest;
import com.kitchencpq.paramkernel.plugin.validate.Rule;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;
import java.util.HashSet;
import java.util.Set;

/** A key written twice in one mapping: Kubernetes' strict YAML decoding rejects it. */
public final class DuplicateKeyRule implements Rule {
  @Override
  public String id() {
    return "yaml.duplicate-key";
  }

  @Override
  public String description() {
    return "A mapping must not contain the same key twice.";
  }

  @Override
  public void check(ValidationContext ctx, FindingSink out) {
    for (Manifest m : ctx.manifests()) {
      walk(m.root(), out);
    }
  }

  private static void walk(YamlNode n, FindingSink out) {
    if (n.isMapping()) {
      Set<String> seen = new HashSet<>();
      for (YamlNode.Entry e : n.entries()) {
        if (!seen.add(e.key()) && !e.key().equals("<<")) {
          out.error(
              e.keyNode(), "key '" + e.key() + "' appears twice in this mapping; keep one of them");
        }
        walk(e.value(), out);
      }
    } else if (n.isSequence()) {
      n.items().forEach(i -> walk(i, out));
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.error("ours", "a key twice in one mapping")
        .why("strict YAML decoding rejects it at apply time")
        .fix("Remove one of the two keys, or merge their values.");
  }
}
