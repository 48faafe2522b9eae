package com.kitchencpq.paramkernel.plugin.validate.rules.metric;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.model.AnalysisTemplateView;
import com.kitchencpq.paramkernel.plugin.validate.model.MetricView;
import com.kitchencpq.paramkernel.plugin.validate.rules.PerMetricRule;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;
import java.util.Optional;

/**
 * count and the limits accept a string so that {@code {{args.x}}} can fill them, but upstream reads
 * any string that is not a whole number as 0, silently. Such a value is always a mistake.
 */
public final class IntegerFieldsRule extends PerMetricRule {
  private static final String[] FIELDS = {
    "count", "failureLimit", "inconclusiveLimit", "consecutiveErrorLimit", "consecutiveSuccessLimit"
  };

  public IntegerFieldsRule() {
    super(
        "metric.integer-fields",
        "count and the limits must be whole numbers (or {{args.x}} resolving to one).");
  }

  @Override
  protected void check(AnalysisTemplateView t, MetricView m, Values v, FindingSink out) {
    for (String field : FIELDS) {
      YamlNode n = m.node().get(field);
      Optional<String> text = v.text(n);
      if (text.isEmpty() || n.longValue().isPresent()) {
        continue;
      }
      if (!text.get().trim().matches("[+-]?\\d+")) {
        out.error(
            n,
            field
                + " '"
                + text.get()
                + "' is not a whole number, and Argo Rollouts would read it as 0;"
                + " write a number");
      }
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.error("ours", "count/limits that are strings but not whole numbers")
        .why("upstream reads them as 0")
        .fix(
            "Write `count` and the limits as whole numbers, or as an `{{args.x}}` that resolves "
                + "to one.");
  }
}
