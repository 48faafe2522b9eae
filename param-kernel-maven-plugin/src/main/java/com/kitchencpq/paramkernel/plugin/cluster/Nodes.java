package com.kitchencpq.paramkernel.plugin.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.kubernetes.client.utils.Serialization;

/** Small reads of Kubernetes objects as JSON trees: absent fields are missing nodes, never null. */
final class Nodes {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** fabric8's own mapping (its static {@code Serialization.jsonMapper()} is deprecated). */
  private static final KubernetesSerialization KUBERNETES = new KubernetesSerialization();

  private Nodes() {}

  /**
   * The object as a (Jackson 2) tree. fabric8 serialises its objects with its own mapper, which is
   * Jackson 3 since fabric8 8, so the tree is read from the JSON fabric8 writes.
   */
  static JsonNode tree(GenericKubernetesResource object) {
    if (object == null) {
      return MissingNode.getInstance();
    }
    try {
      return JSON.readTree(Serialization.asJson(object));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("fabric8 wrote JSON that does not parse", e);
    }
  }

  /**
   * A Kubernetes object from its map form, or a deep copy of one; a value that does not map throws
   * {@link IllegalArgumentException}.
   */
  static GenericKubernetesResource resource(Object value) {
    return KUBERNETES.convertValue(value, GenericKubernetesResource.class);
  }

  static JsonNode at(JsonNode node, String... path) {
    JsonNode n = node;
    for (String p : path) {
      n = n.path(p);
    }
    return n;
  }

  /** The text at the path, or {@code ""} when absent or null. */
  static String text(JsonNode node, String... path) {
    JsonNode n = at(node, path);
    return n.isMissingNode() || n.isNull() ? "" : n.asText();
  }

  static boolean bool(JsonNode node, String... path) {
    return at(node, path).asBoolean(false);
  }

  /** The integer at the path, or null when absent. */
  static Integer integer(JsonNode node, String... path) {
    JsonNode n = at(node, path);
    return n.isNumber() || n.isTextual() && n.asText().matches("-?\\d+") ? n.asInt() : null;
  }

  static long longValue(JsonNode node, long fallback, String... path) {
    JsonNode n = at(node, path);
    return n.isNumber() ? n.asLong() : fallback;
  }
}
