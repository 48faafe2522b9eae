package com.kitchencpq.paramkernel.plugin.validate.rules;

import com.kitchencpq.paramkernel.plugin.argo.ArgoVersion;
import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.model.AnalysisTemplateView;
import com.kitchencpq.paramkernel.plugin.validate.model.ArgTags;
import com.kitchencpq.paramkernel.plugin.validate.model.MetricView;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A rule about one metric of an analysis template. Upstream checks metrics after substituting
 * {@code {{args.x}}}; statically we substitute the template's own defaults and skip a field whose
 * value is only known at run time.
 */
public abstract class PerMetricRule extends BaseRule {
  protected PerMetricRule(String id, String description) {
    super(id, description);
  }

  @Override
  public final void check(ValidationContext ctx, FindingSink out) {
    for (AnalysisTemplateView t : ctx.analysisTemplates()) {
      Values values = new Values(defaults(t), ctx.argoVersion());
      for (MetricView m : t.metrics()) {
        check(t, m, values, out);
      }
    }
  }

  protected abstract void check(
      AnalysisTemplateView t, MetricView m, Values values, FindingSink out);

  static Map<String, String> defaults(AnalysisTemplateView t) {
    Map<String, String> out = new HashMap<>();
    for (YamlNode arg : t.args()) {
      if (arg.get("value").isScalar()) {
        out.put(arg.get("name").text(""), arg.get("value").text());
      }
    }
    return out;
  }

  /**
   * Field values after substituting the template's arg defaults, and the Argo Rollouts version
   * checked for.
   */
  public record Values(Map<String, String> defaults, ArgoVersion version) {
    /** The text of a scalar field, empty when absent or only known at run time. */
    public Optional<String> text(YamlNode n) {
      if (!n.isScalar()) {
        return Optional.empty();
      }
      return ArgTags.substitute(n.text(), defaults);
    }

    /**
     * An int-or-string field as upstream reads it (non-numbers are 0); empty when absent or
     * unknown.
     */
    public OptionalLong intValue(YamlNode n) {
      Optional<String> t = text(n);
      if (t.isEmpty()) {
        return OptionalLong.empty();
      }
      try {
        return OptionalLong.of(Long.parseLong(t.get().trim()));
      } catch (NumberFormatException e) {
        return OptionalLong.of(0);
      }
    }

    /** Whether the field is set, or it holds a value only known at run time. */
    public boolean unknown(YamlNode n) {
      return n.isScalar() && text(n).isEmpty();
    }
  }
}
