package com.kitchencpq.paramkernel.plugin.render;

import java.util.List;
import java.util.Objects;

/**
 * A rendered template that is not written yet: the point where a check (for example the validate
 * goal's rules) can look at the exact text that would be written.
 *
 * @param templateName the template as messages name it
 * @param text the rendered text, byte for byte the template except for the placeholders
 * @param digest the digest that replaced the digest placeholder
 * @param substitutions every replacement, in text order
 */
public record RenderedRollout(
    String templateName, String text, String digest, List<Substitution> substitutions) {
  public RenderedRollout {
    Objects.requireNonNull(templateName, "templateName");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(digest, "digest");
    substitutions = List.copyOf(substitutions);
  }
}
