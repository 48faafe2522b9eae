package com.kitchencpq.paramkernel.plugin.validate.model;

import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;
import java.util.List;

/**
 * A {@code templates[]} entry: a reference to an AnalysisTemplate by name, or to a
 * ClusterAnalysisTemplate when {@code clusterScope} is true.
 */
public record TemplateRef(String name, boolean clusterScope, YamlNode node) {

  /** The references listed under {@code templates} of a node. */
  public static List<TemplateRef> listed(YamlNode owner) {
    return owner.get("templates").items().stream()
        .map(
            t -> new TemplateRef(t.get("templateName").text(""), t.get("clusterScope").isTrue(), t))
        .toList();
  }

  public String kind() {
    return clusterScope ? "ClusterAnalysisTemplate" : "AnalysisTemplate";
  }
}
