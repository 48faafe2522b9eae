package com.kitchencpq.paramkernel.plugin.validate.yaml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A read-only view of one YAML node that knows where it is: the file it came from (as displayed),
 * its 1-based line and column, and its field path from the document root ({@code
 * spec.strategy.canary.steps[2].pause.duration}). Asking for a child that does not exist gives a
 * "missing" node that carries the parent's position, so rules can chain lookups and still report
 * somewhere sensible.
 */
public final class YamlNode {
  /** What a node holds. NULL is an explicit {@code ~}/{@code null}/empty value. */
  public enum Kind {
    MAPPING,
    SEQUENCE,
    SCALAR,
    NULL,
    MISSING
  }

  private final String file;
  private final Node node;
  private final String path;
  private final int line;
  private final int column;

  private YamlNode(String file, Node node, String path, int line, int column) {
    this.file = file;
    this.node = node;
    this.path = path;
    this.line = line;
    this.column = column;
  }

  /** The root node of a document. */
  public static YamlNode root(String file, Node node) {
    return new YamlNode(
        file, node, "", node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1);
  }

  private YamlNode child(Node n, String childPath) {
    return new YamlNode(
        file, n, childPath, n.getStartMark().getLine() + 1, n.getStartMark().getColumn() + 1);
  }

  private YamlNode missing(String childPath) {
    return new YamlNode(file, null, childPath, line, column);
  }

  public String file() {
    return file;
  }

  /** Field path from the document root; empty for the root itself. */
  public String path() {
    return path;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  public Kind kind() {
    if (node == null) {
      return Kind.MISSING;
    }
    if (node instanceof MappingNode) {
      return Kind.MAPPING;
    }
    if (node instanceof SequenceNode) {
      return Kind.SEQUENCE;
    }
    return Tag.NULL.equals(node.getTag()) ? Kind.NULL : Kind.SCALAR;
  }

  public boolean isMissing() {
    return node == null;
  }

  /** Absent or explicitly null: Kubernetes treats both as "not set". */
  public boolean isAbsent() {
    Kind k = kind();
    return k == Kind.MISSING || k == Kind.NULL;
  }

  public boolean isPresent() {
    return !isAbsent();
  }

  public boolean isMapping() {
    return node instanceof MappingNode;
  }

  public boolean isSequence() {
    return node instanceof SequenceNode;
  }

  public boolean isScalar() {
    return kind() == Kind.SCALAR;
  }

  /** The resolved YAML tag of a scalar: str, int, float, bool, null, or other. */
  public ScalarType scalarType() {
    if (!(node instanceof ScalarNode)) {
      return ScalarType.NONE;
    }
    Tag tag = node.getTag();
    if (Tag.STR.equals(tag)) {
      return ScalarType.STRING;
    }
    if (Tag.INT.equals(tag)) {
      return ScalarType.INT;
    }
    if (Tag.FLOAT.equals(tag)) {
      return ScalarType.FLOAT;
    }
    if (Tag.BOOL.equals(tag)) {
      return ScalarType.BOOL;
    }
    if (Tag.NULL.equals(tag)) {
      return ScalarType.NULL;
    }
    return ScalarType.OTHER;
  }

  /** The scalar text as written (without quotes), or null for non-scalars. */
  public String text() {
    return node instanceof ScalarNode s && !Tag.NULL.equals(s.getTag()) ? s.getValue() : null;
  }

  /** The scalar text, or {@code fallback} when absent or not a scalar. */
  public String text(String fallback) {
    String t = text();
    return t == null ? fallback : t;
  }

  /** The scalar as a string, when it is a non-empty scalar. */
  public Optional<String> string() {
    String t = text();
    return t == null || t.isEmpty() ? Optional.empty() : Optional.of(t);
  }

  /** True for a scalar that YAML reads as boolean true. */
  public boolean isTrue() {
    return scalarType() == ScalarType.BOOL
        && ("true"
            .equalsIgnoreCase(node instanceof ScalarNode s ? normaliseBool(s.getValue()) : ""));
  }

  private static String normaliseBool(String v) {
    String l = v.toLowerCase(java.util.Locale.ROOT);
    return l.equals("yes") || l.equals("on") || l.equals("y") ? "true" : l;
  }

  /**
   * An integer scalar (YAML int) as long. Strings are not converted; see {@link
   * #intOrStringValue()}.
   */
  public OptionalLong longValue() {
    if (scalarType() != ScalarType.INT) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(text().replace("_", "").replace("+", "")));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  /**
   * The value Kubernetes' {@code IntOrString.IntValue()} gives: an int as is, a string parsed as an
   * integer, and any other string (including {@code "50%"}) as 0. Empty when absent.
   */
  public OptionalLong intOrStringValue() {
    if (isAbsent() || !isScalar()) {
      return OptionalLong.empty();
    }
    OptionalLong l = longValue();
    if (l.isPresent()) {
      return l;
    }
    try {
      return OptionalLong.of(Long.parseLong(text().trim()));
    } catch (NumberFormatException e) {
      return OptionalLong.of(0);
    }
  }

  /** The named child of a mapping, or a missing node. Keys are matched exactly. */
  public YamlNode get(String key) {
    String childPath = path.isEmpty() ? key : path + "." + key;
    if (node instanceof MappingNode m) {
      for (NodeTuple t : m.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode k && key.equals(k.getValue())) {
          return child(t.getValueNode(), childPath);
        }
      }
    }
    return missing(childPath);
  }

  /** Follows a dotted chain of keys: {@code at("spec", "strategy", "canary")}. */
  public YamlNode at(String... keys) {
    YamlNode n = this;
    for (String k : keys) {
      n = n.get(k);
    }
    return n;
  }

  /** Whether a mapping has the key (even with a null value). */
  public boolean has(String key) {
    return !get(key).isMissing();
  }

  /** The key node of a mapping entry (for findings that point at the key), or a missing node. */
  public YamlNode keyNode(String key) {
    String childPath = path.isEmpty() ? key : path + "." + key;
    if (node instanceof MappingNode m) {
      for (NodeTuple t : m.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode k && key.equals(k.getValue())) {
          return child(t.getKeyNode(), childPath);
        }
      }
    }
    return missing(childPath);
  }

  /** The items of a sequence (empty for anything else). */
  public List<YamlNode> items() {
    if (!(node instanceof SequenceNode s)) {
      return List.of();
    }
    List<YamlNode> out = new ArrayList<>(s.getValue().size());
    int i = 0;
    for (Node n : s.getValue()) {
      out.add(child(n, path + "[" + i + "]"));
      i++;
    }
    return out;
  }

  /**
   * The entries of a mapping in document order: key (as written) to value; keys that are not
   * scalars are skipped.
   */
  public List<Entry> entries() {
    if (!(node instanceof MappingNode m)) {
      return List.of();
    }
    List<Entry> out = new ArrayList<>(m.getValue().size());
    for (NodeTuple t : m.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode k) {
        String childPath = path.isEmpty() ? k.getValue() : path + "." + k.getValue();
        out.add(new Entry(k.getValue(), child(k, childPath), child(t.getValueNode(), childPath)));
      }
    }
    return out;
  }

  /** The mapping's keys in document order. */
  public List<String> keys() {
    return entries().stream().map(Entry::key).toList();
  }

  /** Number of items of a sequence or entries of a mapping; 0 otherwise. */
  public int size() {
    if (node instanceof MappingNode m) {
      return m.getValue().size();
    }
    if (node instanceof SequenceNode s) {
      return s.getValue().size();
    }
    return 0;
  }

  /** A mapping of string values, as {@code labels} or {@code matchLabels} are. */
  public Map<String, String> stringMap() {
    Map<String, String> out = new LinkedHashMap<>();
    for (Entry e : entries()) {
      out.put(e.key(), e.value().text(""));
    }
    return Collections.unmodifiableMap(out);
  }

  /**
   * The plain Java value: {@code Map<String,Object>} (ordered), {@code List<Object>}, and for
   * scalars {@code String}, {@code Long}, {@code Double}, {@code Boolean} or null, typed by the
   * resolved YAML tag. Used to compare definitions and to hand nodes to Jackson.
   */
  public Object toPlain() {
    switch (kind()) {
      case MISSING:
      case NULL:
        return null;
      case MAPPING:
        {
          Map<String, Object> m = new LinkedHashMap<>();
          for (Entry e : entries()) {
            m.put(e.key(), e.value().toPlain());
          }
          return m;
        }
      case SEQUENCE:
        {
          List<Object> l = new ArrayList<>();
          for (YamlNode n : items()) {
            l.add(n.toPlain());
          }
          return l;
        }
      default:
        switch (scalarType()) {
          case INT:
            {
              OptionalLong v = longValue();
              return v.isPresent() ? (Object) v.getAsLong() : text();
            }
          case FLOAT:
            try {
              return Double.parseDouble(text());
            } catch (NumberFormatException e) {
              return text();
            }
          case BOOL:
            return isTrue();
          default:
            return text();
        }
    }
  }

  /** The underlying SnakeYAML node (null when missing), for code that needs more. */
  public Node raw() {
    return node;
  }

  /** A short description of what the node holds, for type-error messages. */
  public String describe() {
    return switch (kind()) {
      case MAPPING -> "an object";
      case SEQUENCE -> "a list";
      case NULL -> "null";
      case MISSING -> "nothing";
      case SCALAR ->
          switch (scalarType()) {
            case STRING -> "the string \"" + abbreviate(text()) + "\"";
            case INT -> "the number " + text();
            case FLOAT -> "the number " + text();
            case BOOL -> "the boolean " + text();
            default -> "the value " + abbreviate(text());
          };
    };
  }

  private static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 37) + "..." : s;
  }

  @Override
  public String toString() {
    return file + ":" + line + ":" + column + " " + path;
  }

  /**
   * One mapping entry: the key text, the key node and the value node (both with the child's path).
   */
  public record Entry(String key, YamlNode keyNode, YamlNode value) {}

  /** The resolved tag of a scalar. */
  public enum ScalarType {
    STRING,
    INT,
    FLOAT,
    BOOL,
    NULL,
    OTHER,
    NONE
  }
}
