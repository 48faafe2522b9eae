package com.kitchencpq.paramkernel.plugin.validate.rules;

import com.kitchencpq.paramkernel.plugin.expr.ConditionParser;
import com.kitchencpq.paramkernel.plugin.expr.ConditionSyntaxException;
import com.kitchencpq.paramkernel.plugin.expr.Expr;
import com.kitchencpq.paramkernel.plugin.expr.ExprVersion;
import com.kitchencpq.paramkernel.plugin.expr.ResultShape;
import com.kitchencpq.paramkernel.plugin.expr.Type;
import com.kitchencpq.paramkernel.plugin.expr.TypeChecker;
import com.kitchencpq.paramkernel.plugin.promql.PromQl;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.model.AnalysisTemplateView;
import com.kitchencpq.paramkernel.plugin.validate.model.MetricView;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every metric of every analysis template of the invocation with its conditions parsed and
 * type-checked against the result shape of its provider. Computed once per invocation and shared by
 * the condition and hazard rules.
 */
public final class MetricConditions {
  private MetricConditions() {}

  /**
   * One condition of a metric. {@code expr} is null when it does not parse ({@code syntaxError}
   * says why).
   */
  public record Condition(
      String field,
      YamlNode node,
      String text,
      Expr expr,
      ConditionSyntaxException syntaxError,
      TypeChecker.Outcome types) {

    public boolean parsed() {
      return expr != null;
    }

    /** Parsed, without type problems and possibly boolean: safe to evaluate. */
    public boolean clean() {
      return expr != null && types.problems().isEmpty() && types.type().maybe(Type.Kind.BOOL);
    }

    public boolean isSuccess() {
      return field.equals("successCondition");
    }
  }

  /**
   * One metric: where it is, what its result is, its conditions, its Prometheus query tree if any,
   * and the expression engine its conditions were checked for.
   */
  public record Metric(
      AnalysisTemplateView template,
      MetricView view,
      ResultShape shape,
      Optional<Condition> success,
      Optional<Condition> failure,
      Optional<PromQl.Node> query,
      ExprVersion engine) {

    public List<Condition> conditions() {
      List<Condition> out = new ArrayList<>(2);
      success.ifPresent(out::add);
      failure.ifPresent(out::add);
      return out;
    }

    public boolean isPrometheus() {
      return view.providerName().equals("prometheus");
    }

    /** Both conditions (those present) parse and type-check. */
    public boolean conditionsClean() {
      return conditions().stream().allMatch(Condition::clean);
    }

    /** {@code metric 'name' of AnalysisTemplate 'x'} for messages. */
    public String label() {
      return "metric '" + view.name() + "' of " + template.manifest().label();
    }
  }

  /** The metrics of the invocation (memoised in the context). */
  public static List<Metric> of(ValidationContext ctx) {
    return ctx.memo(MetricConditions.class, () -> compute(ctx));
  }

  private static List<Metric> compute(ValidationContext ctx) {
    List<Metric> out = new ArrayList<>();
    ExprVersion engine = ctx.argoVersion().expr();
    for (AnalysisTemplateView t : ctx.analysisTemplates()) {
      for (MetricView m : t.metrics()) {
        out.add(metric(t, m, engine));
      }
    }
    return List.copyOf(out);
  }

  /** Builds the view of one metric for the newest engine (also used by tests). */
  public static Metric metric(AnalysisTemplateView t, MetricView m) {
    return metric(t, m, ExprVersion.NEWEST);
  }

  /** Builds the view of one metric, its conditions checked as {@code engine} compiles them. */
  public static Metric metric(AnalysisTemplateView t, MetricView m, ExprVersion engine) {
    Optional<PromQl.Node> query = Optional.empty();
    ResultShape shape = ResultShape.UNKNOWN;
    if (m.providerName().equals("prometheus") && m.query().isScalar()) {
      query = PromQl.parse(m.query().text());
      if (m.providerSpec().get("rangeQuery").isPresent()) {
        shape = ResultShape.RANGE;
      } else if (query.isPresent()) {
        shape =
            switch (PromQl.shape(query.get())) {
              case SCALAR -> ResultShape.SCALAR;
              case VECTOR -> ResultShape.VECTOR;
              case UNKNOWN -> ResultShape.UNKNOWN;
            };
      }
    }
    return new Metric(
        t,
        m,
        shape,
        condition("successCondition", m.successCondition(), shape, engine),
        condition("failureCondition", m.failureCondition(), shape, engine),
        query,
        engine);
  }

  private static Optional<Condition> condition(
      String field, YamlNode node, ResultShape shape, ExprVersion engine) {
    if (!node.isScalar() || node.text().isBlank()) {
      return Optional.empty();
    }
    String text = node.text();
    try {
      Expr e = ConditionParser.parse(text);
      return Optional.of(
          new Condition(field, node, text, e, null, TypeChecker.check(e, shape.type(), engine)));
    } catch (ConditionSyntaxException ex) {
      return Optional.of(new Condition(field, node, text, null, ex, null));
    }
  }
}
