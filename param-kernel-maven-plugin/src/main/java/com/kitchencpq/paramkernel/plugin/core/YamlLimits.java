package com.kitchencpq.paramkernel.plugin.core;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The one place that says how much YAML the plugin reads, used by every YAML reader of the plugin
 * (render's check, validate, the step summary, the schema loader), so that hostile input is refused
 * the same way everywhere and at once:
 *
 * <ul>
 *   <li>at most {@value #MAX_ALIASES} aliases of collections per document (SnakeYAML's {@code
 *       maxAliasesForCollections}; a "billion laughs" bomb of nine anchors of nine aliases each has
 *       72), no recursive keys;
 *   <li>at most {@value #MAX_DEPTH} nested collections (SnakeYAML's {@code nestingDepthLimit});
 *   <li>at most {@value #MAX_DOCUMENT_CODE_POINTS} code points per document (SnakeYAML's {@code
 *       codePointLimit});
 *   <li>at most {@value #MAX_EXPANDED_NODES} nodes in a document once its aliases are expanded: 50
 *       aliases are still enough for 3<sup>16</sup> nodes when each of 16 anchors repeats the
 *       previous one three times, and every check walks the document as if expanded.
 * </ul>
 *
 * A Kubernetes manifest comes nowhere near these (the upstream corpus's largest document has a few
 * hundred nodes and no aliases). A broken limit is reported with the line and column where reading
 * stopped.
 */
public final class YamlLimits {
  /** Aliases of collections per document. */
  public static final int MAX_ALIASES = 50;

  /** Nested collections. */
  public static final int MAX_DEPTH = 50;

  /** Code points per document (3 MiB, SnakeYAML's default). */
  public static final int MAX_DOCUMENT_CODE_POINTS = 3 * 1024 * 1024;

  /** Nodes of one document with every alias expanded. */
  public static final long MAX_EXPANDED_NODES = 100_000;

  private YamlLimits() {}

  /**
   * SnakeYAML loader options with the limits; for readers that use SnakeYAML's {@code Yaml} facade.
   */
  public static LoaderOptions loaderOptions() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowRecursiveKeys(false);
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setCodePointLimit(MAX_DOCUMENT_CODE_POINTS);
    return options;
  }

  /** One composed document: its 0-based index in the stream and its root node. */
  public record Document(int index, Node root) {}

  /**
   * Why reading stopped: 1-based line and column, the problem, and whether it was a limit (rather
   * than a syntax error).
   */
  public record Failure(
      int line, int column, String problem, String context, int contextLine, boolean limit) {}

  /**
   * The documents read (null documents are skipped but counted) and the failure that stopped
   * reading, if any.
   */
  public record Composed(List<Document> documents, Optional<Failure> failure) {}

  /**
   * Composes every document of {@code text} under the limits. Never throws for bad input: the
   * documents before the failure are kept and the failure is returned as data.
   */
  public static Composed compose(String text) {
    LoaderOptions options = loaderOptions();
    ParserImpl parser = new ParserImpl(new StreamReader(new StringReader(text)), options);
    Composer composer = new Composer(parser, new Resolver(), options);
    List<Document> documents = new ArrayList<>();
    boolean aliases = text.indexOf('*') >= 0; // without an alias nothing expands
    int index = 0;
    try {
      while (composer.checkNode()) {
        Node node = composer.getNode();
        if (node != null && !(node instanceof ScalarNode s && Tag.NULL.equals(s.getTag()))) {
          Optional<Node> bomb = aliases ? new Expansion().tooLarge(node) : Optional.empty();
          if (bomb.isPresent()) {
            Mark m = bomb.get().getStartMark();
            return new Composed(
                List.copyOf(documents),
                Optional.of(
                    new Failure(
                        m.getLine() + 1,
                        m.getColumn() + 1,
                        "document "
                            + (index + 1)
                            + " expands its aliases to more than "
                            + MAX_EXPANDED_NODES
                            + " nodes from here on",
                        null,
                        0,
                        true)));
          }
          documents.add(new Document(index, node));
        }
        index++;
      }
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String problem = e.getProblem() == null ? "cannot parse" : e.getProblem().trim();
      Mark ctx = e.getContextMark();
      return new Composed(
          List.copyOf(documents),
          Optional.of(
              new Failure(
                  mark == null ? 1 : mark.getLine() + 1,
                  mark == null ? 1 : mark.getColumn() + 1,
                  problem,
                  e.getContext() == null || e.getContext().isBlank() ? null : e.getContext().trim(),
                  ctx == null ? 0 : ctx.getLine() + 1,
                  isLimit(problem))));
    } catch (YAMLException e) {
      // The limits (aliases, nesting depth, size) are plain YAMLExceptions without a mark:
      // reading stopped at the event the parser holds next.
      int line = 1;
      int column = 1;
      try {
        Mark m = parser.peekEvent().getStartMark();
        line = m.getLine() + 1;
        column = m.getColumn() + 1;
      } catch (RuntimeException unreadable) {
        // keep 1:1
      }
      String message = e.getMessage() == null ? "unknown problem" : firstLine(e.getMessage());
      return new Composed(
          List.copyOf(documents),
          Optional.of(new Failure(line, column, message, null, 0, isLimit(message))));
    }
    return new Composed(List.copyOf(documents), Optional.empty());
  }

  private static boolean isLimit(String message) {
    return message.contains("aliases")
        || message.contains("Nesting Depth")
        || message.contains("code point")
        || message.contains("recursive");
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  /** Counts a document's nodes with aliases expanded, each shared node once (so in linear time). */
  private static final class Expansion {
    private final Map<Node, Long> sizes = new IdentityHashMap<>();
    private Node culprit;

    Optional<Node> tooLarge(Node root) {
      size(root);
      return Optional.ofNullable(culprit);
    }

    private long size(Node n) {
      Long known = sizes.get(n);
      if (known != null) {
        return known;
      }
      sizes.put(n, 1L); // a cycle (a recursive alias) counts once
      long total = 1;
      boolean childTooLarge = false;
      if (n instanceof MappingNode m) {
        for (NodeTuple t : m.getValue()) {
          long k = size(t.getKeyNode());
          long v = size(t.getValueNode());
          childTooLarge |= k > MAX_EXPANDED_NODES || v > MAX_EXPANDED_NODES;
          total = saturatedAdd(total, saturatedAdd(k, v));
        }
      } else if (n instanceof SequenceNode s) {
        for (Node item : s.getValue()) {
          long v = size(item);
          childTooLarge |= v > MAX_EXPANDED_NODES;
          total = saturatedAdd(total, v);
        }
      }
      if (total > MAX_EXPANDED_NODES && !childTooLarge && culprit == null) {
        culprit = n;
      }
      sizes.put(n, total);
      return total;
    }

    private static long saturatedAdd(long a, long b) {
      long s = a + b;
      return s < 0 ? Long.MAX_VALUE : s;
    }
  }
}
