package com.kitchencpq.paramkernel.plugin.render;

import java.io.StringReader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Checks that rendered text is YAML a Kubernetes client can read: every document composes.
 * Only syntax is checked here; what the documents mean is the validate goal's job.
 */
final class YamlCheck {
  private YamlCheck() {}

  /**
   * @param name the template, for the message (lines of the rendered text are the template's:
   *     substitutions never add or remove a line)
   * @throws RenderException naming the template, line and column of the first syntax error
   */
  static void requireValid(String text, String name) throws RenderException {
    LoaderOptions options = new LoaderOptions();
    options.setAllowRecursiveKeys(false);
    options.setMaxAliasesForCollections(50);
    options.setCodePointLimit(Math.max(3 * 1024 * 1024, text.length() + 1));
    try {
      for (Node ignored : new Yaml(options).composeAll(new StringReader(text))) {
        // composing each document is the check
      }
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String where = mark == null ? name : name + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
      String context = e.getContext() == null ? "" : e.getContext() + ": ";
      throw new RenderException(where + ": not valid YAML: " + context + e.getProblem());
    } catch (YAMLException e) {
      throw new RenderException(name + ": not valid YAML: " + e.getMessage());
    }
  }
}
