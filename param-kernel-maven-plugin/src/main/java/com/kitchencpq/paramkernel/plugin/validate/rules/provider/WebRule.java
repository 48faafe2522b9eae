package com.kitchencpq.paramkernel.plugin.validate.rules.provider;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.model.AnalysisTemplateView;
import com.kitchencpq.paramkernel.plugin.validate.model.MetricView;
import com.kitchencpq.paramkernel.plugin.validate.rules.PerMetricRule;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;

/**
 * The web provider: body or jsonBody (not both), only with POST or PUT; OAuth2 settings complete.
 */
public final class WebRule extends PerMetricRule {
  public WebRule() {
    super("provider.web", "A web metric sends body or jsonBody only with POST/PUT, never both.");
  }

  @Override
  protected void check(AnalysisTemplateView t, MetricView m, Values v, FindingSink out) {
    YamlNode web = m.provider().get("web");
    if (!web.isMapping()) {
      return;
    }
    boolean body = !web.get("body").text("").isEmpty();
    boolean json = web.get("jsonBody").isPresent();
    if (body && json) {
      out.error(
          web.get("jsonBody"),
          "web metric '" + m.name() + "' sets both body and jsonBody; keep one");
    } else if (body || json) {
      String method = web.get("method").text("GET");
      if (!method.equals("POST") && !method.equals("PUT")) {
        out.error(
            web.get("method").isPresent() ? web.get("method") : web,
            "web metric '"
                + m.name()
                + "' sends a body with method "
                + method
                + "; use method POST or PUT");
      }
    }
    PrometheusRule.OAuth2Check.check(web.at("authentication", "oauth2"), out);
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.error("K5, K8, K9", "body/jsonBody and method, OAuth2")
        .fix(
            "Send `body` or `jsonBody`, not both, and only with POST or PUT; complete the "
                + "OAuth2 block.");
  }
}
