package com.kitchencpq.paramkernel.plugin.validate.yaml;

import java.util.Optional;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Recognises an unquoted {@code {{args.x}}} value: YAML reads it as a flow mapping whose only key
 * is another flow mapping, which is never what the author meant.
 */
public final class TemplateTags {
  private TemplateTags() {}

  /** The tag as written ({@code {{args.x}}}) when {@code n} is such a misread value. */
  public static Optional<String> unquoted(YamlNode n) {
    if (!(n.raw() instanceof MappingNode outer)
        || outer.getFlowStyle() != DumperOptions.FlowStyle.FLOW
        || outer.getValue().size() != 1) {
      return Optional.empty();
    }
    if (!(outer.getValue().get(0).getKeyNode() instanceof MappingNode inner)
        || inner.getValue().size() != 1
        || !(inner.getValue().get(0).getKeyNode() instanceof ScalarNode key)) {
      return Optional.empty();
    }
    return Optional.of("{{" + key.getValue() + "}}");
  }
}
