package com.kitchencpq.paramkernel.plugin.render;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What render wrote.
 *
 * @param output the written file (absolute)
 * @param digest the digest in it
 * @param substitutions every placeholder that was filled in, with its line
 * @param text the written text
 */
public record RenderResult(
    Path output, String digest, List<Substitution> substitutions, String text) {
  public RenderResult {
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(digest, "digest");
    Objects.requireNonNull(text, "text");
    substitutions = List.copyOf(substitutions);
  }
}
