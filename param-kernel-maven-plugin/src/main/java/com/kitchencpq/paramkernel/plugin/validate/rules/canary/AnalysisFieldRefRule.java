package com.kitchencpq.paramkernel.plugin.validate.rules.canary;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.model.RolloutView;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Step analysis args taken from the rollout's metadata must use a path the downward API supports
 * (metadata.name, .namespace, .uid, .labels, .annotations, or one label/annotation).
 */
public final class AnalysisFieldRefRule extends CanaryRule {
  private static final Pattern SUBSCRIPT =
      Pattern.compile(
          "metadata\\.(labels|annotations)\\['([A-Za-z0-9][-A-Za-z0-9_./]*)?[A-Za-z0-9]'\\]");

  public AnalysisFieldRefRule() {
    super(
        "canary.analysis-field-ref",
        "Step analysis args from metadata must use a downward-API field path.");
  }

  @Override
  protected void check(RolloutView r, YamlNode canary, FindingSink out) {
    for (YamlNode step : r.steps()) {
      List<YamlNode> args = new ArrayList<>(step.at("analysis", "args").items());
      for (YamlNode a : step.at("experiment", "analyses").items()) {
        args.addAll(a.get("args").items());
      }
      for (YamlNode arg : args) {
        YamlNode path = arg.at("valueFrom", "fieldRef", "fieldPath");
        String p = path.text("");
        if (p.startsWith("metadata") && !valid(p)) {
          out.error(
              path,
              "fieldPath '"
                  + p
                  + "' is not supported; use metadata.name, metadata.namespace, metadata.uid,"
                  + " metadata.labels, metadata.annotations or metadata.labels['<key>']");
        }
      }
    }
  }

  static boolean valid(String p) {
    return switch (p) {
      case "metadata.name",
          "metadata.namespace",
          "metadata.uid",
          "metadata.labels",
          "metadata.annotations" ->
          true;
      default -> SUBSCRIPT.matcher(p).matches();
    };
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.error("F17", "downward-API paths for metadata args of step analyses")
        .fix(
            "Use `metadata.name`, `metadata.namespace`, `metadata.uid`, `metadata.labels`, "
                + "`metadata.annotations` or `metadata.labels['<key>']`.");
  }
}
