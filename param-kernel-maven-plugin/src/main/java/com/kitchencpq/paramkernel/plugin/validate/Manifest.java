package com.kitchencpq.paramkernel.plugin.validate;

import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;

/**
 * One YAML document of the invocation with its identity.
 *
 * @param file the file as displayed
 * @param fileIndex position of the file in the invocation (0-based)
 * @param index position of the document in its file (0-based)
 * @param apiVersion {@code apiVersion}, empty when absent
 * @param kind {@code kind}, empty when absent
 * @param name {@code metadata.name}, empty when absent
 * @param namespace {@code metadata.namespace}, empty when absent (the namespace it is applied to)
 * @param root the document's root node
 */
public record Manifest(
    String file,
    int fileIndex,
    int index,
    String apiVersion,
    String kind,
    String name,
    String namespace,
    YamlNode root) {

  static Manifest of(String file, int fileIndex, int index, YamlNode root) {
    return new Manifest(
        file,
        fileIndex,
        index,
        scalar(root.get("apiVersion")),
        scalar(root.get("kind")),
        scalar(root.at("metadata", "name")),
        scalar(root.at("metadata", "namespace")),
        root);
  }

  private static String scalar(YamlNode n) {
    return n.isScalar() ? n.text("") : "";
  }

  /** The API group: the part of apiVersion before the slash, empty for the core group. */
  public String group() {
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }

  /** True for kind {@code kind} in API group {@code group}. */
  public boolean is(String group, String kind) {
    return this.kind.equals(kind) && group().equals(group);
  }

  public boolean isRollout() {
    return is("argoproj.io", "Rollout");
  }

  public boolean isAnalysisTemplate() {
    return is("argoproj.io", "AnalysisTemplate");
  }

  public boolean isClusterAnalysisTemplate() {
    return is("argoproj.io", "ClusterAnalysisTemplate");
  }

  /** AnalysisTemplate or ClusterAnalysisTemplate: both have the same spec. */
  public boolean isAnyAnalysisTemplate() {
    return isAnalysisTemplate() || isClusterAnalysisTemplate();
  }

  public boolean isService() {
    return is("", "Service") && apiVersion.equals("v1");
  }

  public YamlNode spec() {
    return root.get("spec");
  }

  /** {@code Kind/name} for messages. */
  public String label() {
    return kind + " '" + name + "'";
  }
}
