package com.kitchencpq.paramkernel.plugin.validate.yaml;

import com.kitchencpq.paramkernel.plugin.core.YamlLimits;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads every document of one YAML text with SnakeYAML's composer, so each node keeps its start
 * position. A syntax error or a broken limit ({@link YamlLimits}: aliases, nesting depth, size)
 * ends the file: the documents read before it are kept and the error is returned as data, never
 * thrown, at the line and column where reading stopped.
 */
public final class YamlDocuments {
  private YamlDocuments() {}

  /** One document of a file: its 0-based index in the file and its root node. */
  public record Document(int index, YamlNode root) {}

  /** A syntax error with its 1-based position. */
  public record SyntaxError(int line, int column, String message) {}

  /** The result of reading one file. */
  public record Parsed(String file, List<Document> documents, List<SyntaxError> errors) {}

  /**
   * Parses {@code content} under the plugin's YAML limits ({@link YamlLimits}); {@code file} is the
   * path as it should be displayed.
   */
  public static Parsed parse(String file, String content) {
    YamlLimits.Composed composed = YamlLimits.compose(content);
    List<Document> documents = new ArrayList<>();
    for (YamlLimits.Document d : composed.documents()) {
      documents.add(new Document(d.index(), YamlNode.root(file, d.root())));
    }
    List<SyntaxError> errors = new ArrayList<>();
    composed
        .failure()
        .ifPresent(f -> errors.add(new SyntaxError(f.line(), f.column(), describe(f))));
    return new Parsed(file, List.copyOf(documents), List.copyOf(errors));
  }

  private static String describe(YamlLimits.Failure f) {
    if (f.limit()) {
      return "the file is refused: "
          + f.problem()
          + " (limits: "
          + YamlLimits.MAX_ALIASES
          + " aliases of"
          + " collections, "
          + YamlLimits.MAX_DEPTH
          + " nested levels, "
          + YamlLimits.MAX_EXPANDED_NODES
          + " nodes with aliases expanded, "
          + YamlLimits.MAX_DOCUMENT_CODE_POINTS
          + " characters per document);"
          + " write the manifest out without anchors and aliases";
    }
    StringBuilder sb = new StringBuilder("YAML syntax error: ").append(f.problem());
    if (f.context() != null) {
      sb.append(" (").append(f.context());
      if (f.contextLine() > 0) {
        sb.append(" at line ").append(f.contextLine());
      }
      sb.append(')');
    }
    sb.append("; fix the indentation or quote the value");
    return sb.toString();
  }
}
