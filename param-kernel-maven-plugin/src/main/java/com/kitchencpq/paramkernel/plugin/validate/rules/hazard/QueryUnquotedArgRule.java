package com.kitchencpq.paramkernel.plugin.validate.rules.hazard;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.ValidationContext;
import com.kitchencpq.paramkernel.plugin.validate.rules.MetricConditions;
import com.kitchencpq.paramkernel.plugin.validate.rules.PerParsedMetricRule;

/**
 * Warning: a {@code {{args.x}}} tag used as a label value without quotes inside a PromQL selector
 * ({@code {service={{args.service}}}}). Argo inserts the value verbatim, so the query only parses
 * if the value itself carries the quotes; Prometheus otherwise rejects it (400) and every
 * measurement is an Error. Tags in quotes, in ranges ({@code [{{args.window}}]}) and in other
 * places are not judged.
 */
public final class QueryUnquotedArgRule extends PerParsedMetricRule {
  public QueryUnquotedArgRule() {
    super("hazard.query-unquoted-arg", "{{args.x}} as a PromQL label value belongs in quotes.");
  }

  @Override
  protected void check(MetricConditions.Metric m, ValidationContext ctx, FindingSink out) {
    if (!m.isPrometheus() || !m.view().query().isScalar()) {
      return;
    }
    String tag = unquotedMatcherTag(m.view().query().text());
    if (tag != null) {
      out.warning(
          m.view().query(),
          "query of "
              + m.label()
              + " uses "
              + tag
              + " as a label value without quotes; Argo inserts the value as is, so Prometheus"
              + " cannot parse the query; write label=\""
              + tag
              + "\"");
    }
  }

  /** The first tag that stands unquoted inside selector braces, or null. */
  static String unquotedMatcherTag(String q) {
    int depth = 0;
    char quote = 0;
    for (int i = 0; i < q.length(); i++) {
      char c = q.charAt(i);
      if (quote != 0) {
        if (c == '\\' && quote != '`') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'' || c == '`') {
        quote = c;
      } else if (q.startsWith("{{", i) && q.indexOf("}}", i + 2) > 0) {
        int end = q.indexOf("}}", i + 2) + 2;
        if (depth > 0) {
          return q.substring(i, end);
        }
        i = end - 1;
      } else if (c == '{') {
        depth++;
      } else if (c == '}' && depth > 0) {
        depth--;
      }
    }
    return null;
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.warning(
            "ours",
            "`{{args.x}}` as a label value without quotes inside a selector "
                + "(`{service={{args.svc}}}`)")
        .why(
            "Argo inserts the value verbatim; Prometheus cannot parse the query (400) unless "
                + "the value brings its own quotes. `[{{args.window}}]` and quoted tags are not "
                + "judged")
        .fix("Quote the tag: `{service=\"{{args.svc}}\"}`.");
  }
}
