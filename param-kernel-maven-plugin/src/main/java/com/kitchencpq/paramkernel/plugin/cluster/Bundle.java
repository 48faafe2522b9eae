package com.kitchencpq.paramkernel.plugin.cluster;

import com.kitchencpq.paramkernel.plugin.core.YamlLimits;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import tools.jackson.core.JacksonException;

/**
 * The documents of a rendered bundle, in file order, each with the line it starts on and the
 * container images it names. Scalars become what Kubernetes' own YAML reading makes of them
 * (strings, numbers, booleans, null); timestamps stay strings.
 *
 * @param file the bundle
 * @param display the path as messages show it
 * @param documents the non-empty documents, in order
 */
public record Bundle(Path file, String display, List<Document> documents) {

  /** Keys under a pod spec whose list items carry an {@code image}. */
  private static final Set<String> CONTAINER_LISTS =
      Set.of("containers", "initContainers", "ephemeralContainers");

  public Bundle {
    documents = List.copyOf(documents);
  }

  /**
   * One document.
   *
   * @param index 0-based position among the non-empty documents
   * @param line 1-based line of its first key
   * @param object the document as a Kubernetes object
   * @param images the container images it names, with their positions
   */
  public record Document(
      int index, int line, GenericKubernetesResource object, List<Image> images) {
    public Document {
      images = List.copyOf(images);
    }

    public String apiVersion() {
      return object.getApiVersion();
    }

    public String kind() {
      return object.getKind();
    }

    public String name() {
      return object.getMetadata() == null ? null : object.getMetadata().getName();
    }

    public String namespace() {
      return object.getMetadata() == null ? null : object.getMetadata().getNamespace();
    }
  }

  /** An {@code image} of a container list, with its 1-based position and YAML path. */
  public record Image(String reference, int line, int column, String path) {}

  /** The first document of the given apiVersion and kind, if any. */
  public java.util.Optional<Document> first(ResourceKind kind) {
    return documents.stream().filter(d -> kind.is(d.apiVersion(), d.kind())).findFirst();
  }

  /** Reads and parses {@code file}; every problem names the file and line. */
  public static Bundle read(Path file, String display) throws BundleException, IOException {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new BundleException(
          display
              + " does not exist: render the bundle first (param-kernel:render)"
              + " or name another file with paramkernel.bundle");
    }
    return parse(file, display, text);
  }

  /** Parses bundle text. */
  public static Bundle parse(Path file, String display, String text) throws BundleException {
    List<Document> documents = new ArrayList<>();
    // The plugin's one YAML reader with its limits (aliases, nesting, size, alias expansion).
    YamlLimits.Composed composed = YamlLimits.compose(text);
    if (composed.failure().isPresent()) {
      YamlLimits.Failure f = composed.failure().get();
      throw new BundleException(display + ":" + f.line() + ": not valid YAML: " + f.problem());
    }
    for (YamlLimits.Document d : composed.documents()) {
      Node node = d.root();
      int line = node.getStartMark().getLine() + 1;
      if (!(node instanceof MappingNode)) {
        throw new BundleException(
            display + ":" + line + ": a document that is not a Kubernetes object (a mapping)");
      }
      Object value = toJava(node);
      GenericKubernetesResource object;
      try {
        object = Nodes.resource(value);
      } catch (IllegalArgumentException | JacksonException e) {
        // fabric8 8 converts with Jackson 3, whose DatabindException is no
        // IllegalArgumentException.
        throw new BundleException(
            display + ":" + line + ": not a Kubernetes object: " + e.getMessage());
      }
      String where = display + ":" + line;
      if (object.getApiVersion() == null || object.getKind() == null) {
        throw new BundleException(where + ": the document has no apiVersion or kind");
      }
      if (object.getMetadata() == null
          || object.getMetadata().getName() == null
          || object.getMetadata().getName().isBlank()) {
        throw new BundleException(where + ": the " + object.getKind() + " has no metadata.name");
      }
      List<Image> images = new ArrayList<>();
      collectImages(node, "", false, images);
      documents.add(new Document(documents.size(), line, object, images));
    }
    if (documents.isEmpty()) {
      throw new BundleException(display + " holds no Kubernetes object");
    }
    return new Bundle(file, display, documents);
  }

  private static void collectImages(
      Node node, String path, boolean inContainerList, List<Image> out) {
    if (node instanceof MappingNode m) {
      for (NodeTuple t : m.getValue()) {
        String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : "?";
        Node value = t.getValueNode();
        if (inContainerList && "image".equals(key) && value instanceof ScalarNode s) {
          out.add(
              new Image(
                  s.getValue(),
                  s.getStartMark().getLine() + 1,
                  s.getStartMark().getColumn() + 1,
                  path + ".image"));
        } else {
          collectImages(
              value,
              path.isEmpty() ? key : path + "." + key,
              CONTAINER_LISTS.contains(key) && value instanceof SequenceNode,
              out);
        }
      }
    } else if (node instanceof SequenceNode seq) {
      List<Node> items = seq.getValue();
      for (int i = 0; i < items.size(); i++) {
        collectImages(
            items.get(i),
            path + "[" + i + "]",
            inContainerList && items.get(i) instanceof MappingNode,
            out);
      }
    }
  }

  /** A node as plain Java values; timestamps and other non-JSON scalars stay strings. */
  static Object toJava(Node node) {
    if (node instanceof MappingNode m) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (NodeTuple t : m.getValue()) {
        Object key = toJava(t.getKeyNode());
        map.put(String.valueOf(key), toJava(t.getValueNode()));
      }
      return map;
    }
    if (node instanceof SequenceNode s) {
      List<Object> list = new ArrayList<>();
      s.getValue().forEach(n -> list.add(toJava(n)));
      return list;
    }
    ScalarNode s = (ScalarNode) node;
    String v = s.getValue();
    Tag tag = s.getTag();
    if (Tag.NULL.equals(tag)) {
      return null;
    }
    if (Tag.BOOL.equals(tag)) {
      String lower = v.toLowerCase(java.util.Locale.ROOT);
      return lower.equals("true") || lower.equals("yes") || lower.equals("on") || lower.equals("y");
    }
    if (Tag.INT.equals(tag)) {
      try {
        return Long.decode(v.replace("_", "").replaceFirst("^0o", "0"));
      } catch (NumberFormatException e) {
        return new java.math.BigInteger(v.replace("_", ""));
      }
    }
    if (Tag.FLOAT.equals(tag)) {
      try {
        return Double.valueOf(v.replace("_", ""));
      } catch (NumberFormatException e) {
        return v;
      }
    }
    return v;
  }
}
