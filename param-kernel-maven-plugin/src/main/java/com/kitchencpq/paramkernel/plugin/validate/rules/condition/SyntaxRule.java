package com.kitchencpq.paramkernel.plugin.validate.rules.condition;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.rules.MetricConditions;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * A condition that expr-lang cannot compile. Argo only finds out when it evaluates it: every
 * measurement becomes Error, and after consecutiveErrorLimit errors the rollout is aborted.
 */
public final class SyntaxRule extends ConditionRule {
  public SyntaxRule() {
    super("condition.syntax", "successCondition and failureCondition must be valid expressions.");
  }

  @Override
  protected void check(MetricConditions.Metric m, MetricConditions.Condition c, FindingSink out) {
    if (c.syntaxError() != null) {
      out.error(
          c.node(),
          where(m, c)
              + " does not parse: "
              + c.syntaxError().getMessage()
              + at(c.syntaxError().offset())
              + "; Argo would fail every measurement with Error and then abort the"
              + " rollout"
              + commentHint(c));
    }
  }

  /**
   * In a plain (unquoted) YAML scalar, " #" starts a comment, so {@code all(result, # < 1)} arrives
   * cut short. When the condition ends too early, say so.
   */
  private static String commentHint(MetricConditions.Condition c) {
    boolean plain =
        c.node().raw() instanceof ScalarNode s
            && s.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN;
    boolean cutShort = c.syntaxError().offset() >= c.text().strip().length();
    return plain && cutShort
        ? " (if the condition has a ' #', YAML read the rest of the line as a comment:"
            + " put the condition in quotes)"
        : "";
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.error(
            "ours",
            "a success/failure condition that does not parse (`result[0] >=`, `result = 1`, an "
                + "unquoted ` #` that YAML cut off as a comment)")
        .why("Argo cannot compile it: every measurement is an Error, the rollout aborts")
        .fix(
            "Fix the expression at the reported character; quote a condition that contains ` #` "
                + "so that YAML keeps it whole.");
  }
}
