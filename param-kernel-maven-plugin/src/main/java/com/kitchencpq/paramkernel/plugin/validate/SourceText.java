package com.kitchencpq.paramkernel.plugin.validate;

import java.util.Objects;

/**
 * A YAML text to validate that may not be on disk yet (the render goal validates what it is about
 * to write).
 *
 * @param path the path as it should appear in findings
 * @param content the YAML text
 */
public record SourceText(String path, String content) {
  public SourceText {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(content, "content");
  }
}
