package com.kitchencpq.paramkernel.plugin.validate.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code {{...}}} tags Argo substitutes in analysis templates. As upstream's template engine
 * does, a tag is whatever lies between {@code {{} and the next {@code }}}, with surrounding
 * whitespace trimmed; only {@code args.<name>} tags can be resolved.
 */
public final class ArgTags {
  private ArgTags() {}

  /** The trimmed tag contents in order of appearance. */
  public static List<String> tags(String text) {
    List<String> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    int i = 0;
    while (true) {
      int open = text.indexOf("{{", i);
      if (open < 0) {
        break;
      }
      int close = text.indexOf("}}", open + 2);
      if (close < 0) {
        break;
      }
      out.add(text.substring(open + 2, close).trim());
      i = close + 2;
    }
    return out;
  }

  /** The arg name of an {@code args.<name>} tag, or empty. */
  public static Optional<String> argName(String tag) {
    return tag.startsWith("args.") && tag.length() > 5
        ? Optional.of(tag.substring(5))
        : Optional.empty();
  }

  /**
   * Replaces every {@code {{args.x}}} with its value; empty when a tag has no value in {@code
   * values} (or is not an args tag).
   */
  public static Optional<String> substitute(String text, Map<String, String> values) {
    if (text == null || !text.contains("{{")) {
      return Optional.ofNullable(text);
    }
    StringBuilder sb = new StringBuilder();
    int i = 0;
    while (true) {
      int open = text.indexOf("{{", i);
      int close = open < 0 ? -1 : text.indexOf("}}", open + 2);
      if (open < 0 || close < 0) {
        sb.append(text, i, text.length());
        return Optional.of(sb.toString());
      }
      Optional<String> name = argName(text.substring(open + 2, close).trim());
      if (name.isEmpty() || !values.containsKey(name.get())) {
        return Optional.empty();
      }
      sb.append(text, i, open).append(values.get(name.get()));
      i = close + 2;
    }
  }
}
