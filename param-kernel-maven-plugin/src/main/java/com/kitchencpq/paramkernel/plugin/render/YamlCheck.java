package com.kitchencpq.paramkernel.plugin.render;

import com.kitchencpq.paramkernel.plugin.core.YamlLimits;
import java.util.Optional;

/**
 * Checks that rendered text is YAML a Kubernetes client can read: every document composes within
 * the plugin's YAML limits ({@link YamlLimits}, the same validate applies). Only syntax is checked
 * here; what the documents mean is the validate goal's job.
 */
final class YamlCheck {
  private YamlCheck() {}

  /**
   * @param name the template, for the message (lines of the rendered text are the template's:
   *     substitutions never add or remove a line)
   * @throws RenderException naming the template, line and column of the first syntax error or
   *     broken limit
   */
  static void requireValid(String text, String name) throws RenderException {
    Optional<YamlLimits.Failure> failure = YamlLimits.compose(text).failure();
    if (failure.isPresent()) {
      YamlLimits.Failure f = failure.get();
      String context = f.context() == null ? "" : f.context() + ": ";
      throw new RenderException(
          name + ":" + f.line() + ":" + f.column() + ": not valid YAML: " + context + f.problem());
    }
  }
}
