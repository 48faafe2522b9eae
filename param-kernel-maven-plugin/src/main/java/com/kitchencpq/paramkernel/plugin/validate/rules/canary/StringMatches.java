package com.kitchencpq.paramkernel.plugin.validate.rules.canary;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;

/** The exact/prefix/regex one-of of a route match value. */
final class StringMatches {
  private StringMatches() {}

  /** Reports unless exactly one of exact, prefix, regex is set. */
  static void exactlyOne(YamlNode match, String what, FindingSink out) {
    int set = 0;
    for (String k : new String[] {"exact", "prefix", "regex"}) {
      if (!match.get(k).text("").isEmpty()) {
        set++;
      }
    }
    if (match.isAbsent() || set == 0) {
      out.error(match, what + " needs one of exact, prefix or regex");
    } else if (set > 1) {
      out.error(match, what + " sets more than one of exact, prefix and regex; keep exactly one");
    }
  }
}
