package com.kitchencpq.paramkernel.plugin.render;

/**
 * One placeholder render filled in.
 *
 * @param placeholder the placeholder as written in the template
 * @param name the variable name ({@code PARAM_KERNEL_IMAGE_DIGEST} for the digest)
 * @param line 1-based line in the output (the template's line: substitutions never add lines; a
 *     contingency's annotation, inserted after rendering, moves the lines below it and render
 *     reports them where they end up)
 * @param column 1-based column in the template
 * @param value what it was replaced by
 * @param source where the value came from: {@code digest}, {@code default} or the property that
 *     overrode the default
 */
public record Substitution(
    String placeholder, String name, int line, int column, String value, String source) {}
