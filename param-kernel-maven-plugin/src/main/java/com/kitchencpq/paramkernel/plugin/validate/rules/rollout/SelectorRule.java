package com.kitchencpq.paramkernel.plugin.validate.rules.rollout;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.model.RolloutView;
import com.kitchencpq.paramkernel.plugin.validate.rules.PerRolloutRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.Syntax;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;
import java.util.Set;

/**
 * A Rollout without workloadRef needs a non-empty label selector whose labels and expressions are
 * well formed.
 */
public final class SelectorRule extends PerRolloutRule {
  private static final Set<String> OPERATORS = Set.of("In", "NotIn", "Exists", "DoesNotExist");

  public SelectorRule() {
    super(
        "rollout.selector",
        "spec.selector must be present, non-empty and well formed (unless workloadRef is used).");
  }

  @Override
  protected void check(RolloutView r, ValidationContext ctx, FindingSink out) {
    YamlNode selector = r.spec().get("selector");
    if (selector.isAbsent()) {
      if (!r.hasWorkloadRef()) {
        out.error(
            selector,
            "Rollout '"
                + r.name()
                + "' has no spec.selector; add matchLabels that match the pod template's labels");
      }
      return;
    }
    YamlNode labels = selector.get("matchLabels");
    YamlNode expressions = selector.get("matchExpressions");
    if (!r.hasWorkloadRef() && labels.size() == 0 && expressions.size() == 0) {
      out.error(
          selector,
          "spec.selector is empty, which would select every pod; add matchLabels or"
              + " matchExpressions");
    }
    for (YamlNode.Entry e : labels.entries()) {
      Syntax.labelKeyProblem(e.key()).ifPresent(p -> out.error(e.keyNode(), p));
      if (e.value().isScalar()) {
        Syntax.labelValueProblem(e.value().text()).ifPresent(p -> out.error(e.value(), p));
      }
    }
    for (YamlNode ex : expressions.items()) {
      YamlNode key = ex.get("key");
      if (key.isScalar()) {
        Syntax.labelKeyProblem(key.text()).ifPresent(p -> out.error(key, p));
      }
      String op = ex.get("operator").text("");
      YamlNode values = ex.get("values");
      if (!OPERATORS.contains(op)) {
        out.error(
            ex.get("operator"),
            "'" + op + "' is not a selector operator; use In, NotIn, Exists or DoesNotExist");
      } else if ((op.equals("In") || op.equals("NotIn")) && values.size() == 0) {
        out.error(values, "operator " + op + " needs at least one entry in 'values'");
      } else if ((op.equals("Exists") || op.equals("DoesNotExist")) && values.size() > 0) {
        out.error(values, "operator " + op + " takes no 'values'; remove them");
      }
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.error(
            "B2, B3, B4, B5",
            "selector present (unless workloadRef), non-empty, well-formed labels and expressions")
        .fix(
            "Set `spec.selector` with well-formed `matchLabels` or `matchExpressions`, or use "
                + "`workloadRef`.");
  }
}
