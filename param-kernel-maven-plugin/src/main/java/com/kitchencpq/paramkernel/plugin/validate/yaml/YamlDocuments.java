package com.kitchencpq.paramkernel.plugin.validate.yaml;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads every document of one YAML text with SnakeYAML's composer, so each node keeps its
 * start position. A syntax error ends the file: the documents read before it are kept and the
 * error is returned as data, never thrown.
 */
public final class YamlDocuments {
  private YamlDocuments() {}

  /** One document of a file: its 0-based index in the file and its root node. */
  public record Document(int index, YamlNode root) {}

  /** A syntax error with its 1-based position. */
  public record SyntaxError(int line, int column, String message) {}

  /** The result of reading one file. */
  public record Parsed(String file, List<Document> documents, List<SyntaxError> errors) {}

  /** Parses {@code content}; {@code file} is the path as it should be displayed. */
  public static Parsed parse(String file, String content) {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(200);
    options.setCodePointLimit(Math.max(options.getCodePointLimit(), content.length() + 1));
    List<Document> documents = new ArrayList<>();
    List<SyntaxError> errors = new ArrayList<>();
    int index = 0;
    try {
      // The composer alone (no Yaml facade): nodes with positions, no object construction.
      Composer composer = new Composer(
          new ParserImpl(new StreamReader(new StringReader(content)), options), new Resolver(), options);
      while (composer.checkNode()) {
        Node node = composer.getNode();
        if (node != null && !(node instanceof ScalarNode s && Tag.NULL.equals(s.getTag()))) {
          documents.add(new Document(index, YamlNode.root(file, node)));
        }
        index++;
      }
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      int line = mark == null ? 1 : mark.getLine() + 1;
      int column = mark == null ? 1 : mark.getColumn() + 1;
      errors.add(new SyntaxError(line, column, describe(e)));
    } catch (YAMLException e) {
      errors.add(new SyntaxError(1, 1, "the file is not valid YAML: " + firstLine(e.getMessage())));
    }
    return new Parsed(file, List.copyOf(documents), List.copyOf(errors));
  }

  private static String describe(MarkedYAMLException e) {
    StringBuilder sb = new StringBuilder("YAML syntax error: ");
    String problem = e.getProblem() == null ? "cannot parse" : e.getProblem().trim();
    sb.append(problem);
    if (e.getContext() != null && !e.getContext().isBlank()) {
      sb.append(" (").append(e.getContext().trim());
      if (e.getContextMark() != null) {
        sb.append(" at line ").append(e.getContextMark().getLine() + 1);
      }
      sb.append(')');
    }
    sb.append("; fix the indentation or quote the value");
    return sb.toString();
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unknown problem";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
