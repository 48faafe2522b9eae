package com.kitchencpq.paramkernel.plugin.render;

/**
 * One dollar-brace construct found in a template.
 *
 * @param kind what it is
 * @param name the variable name ({@code PARAM_KERNEL_IMAGE_DIGEST} for the digest, empty for an
 *     escape)
 * @param defaultValue the declared default of a variable, null otherwise
 * @param start offset of the first character ({@code $})
 * @param end offset just after the last character
 * @param line 1-based line
 * @param column 1-based column
 */
public record Placeholder(
    Kind kind, String name, String defaultValue, int start, int end, int line, int column) {

  public enum Kind {
    /** {@code ${PARAM_KERNEL_IMAGE_DIGEST}}: replaced by the digest. */
    DIGEST,
    /** {@code ${NAME:-default}}: replaced by an override or the default. */
    VARIABLE,
    /** {@code $${}: stands for a literal {@code ${}. */
    ESCAPE
  }

  /** The placeholder as written in the template. */
  public String source(String text) {
    return text.substring(start, end);
  }
}
