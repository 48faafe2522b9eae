package com.kitchencpq.paramkernel.plugin.validate.rules.provider;

import com.kitchencpq.paramkernel.plugin.validate.FindingSink;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import com.kitchencpq.paramkernel.plugin.validate.model.AnalysisTemplateView;
import com.kitchencpq.paramkernel.plugin.validate.model.MetricView;
import com.kitchencpq.paramkernel.plugin.validate.rules.PerMetricRule;
import com.kitchencpq.paramkernel.plugin.validate.rules.Syntax;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the Prometheus provider checks when it is built: an address that is a URL with scheme and
 * host, a non-negative timeout, complete basic-auth and OAuth2 settings, and a range-query step
 * that is a Go duration. A missing address is only a warning: the controller may get it from
 * ARGO_ROLLOUTS_PROMETHEUS_ADDRESS.
 */
public final class PrometheusRule extends PerMetricRule {
  public PrometheusRule() {
    super(
        "provider.prometheus",
        "Prometheus address, timeout, authentication and rangeQuery.step must be usable.");
  }

  @Override
  protected void check(AnalysisTemplateView t, MetricView m, Values v, FindingSink out) {
    YamlNode p = m.provider().get("prometheus");
    if (!p.isMapping()) {
      return;
    }
    YamlNode address = p.get("address");
    Optional<String> addr = v.text(address);
    if (address.isAbsent() || (addr.isPresent() && addr.get().isBlank())) {
      out.warning(
          address.isMissing() ? p : address,
          "metric '"
              + m.name()
              + "' has no Prometheus address; it only works if the controller sets"
              + " ARGO_ROLLOUTS_PROMETHEUS_ADDRESS, so set provider.prometheus.address");
    } else if (addr.isPresent() && addr.get().contains("${")) {
      out.error(
          address,
          "Prometheus address '"
              + addr.get()
              + "' still contains a ${...} placeholder, which Argo"
              + " Rollouts does not replace; render the template first or write the URL");
    } else if (addr.isPresent() && !isUrl(addr.get())) {
      out.error(
          address,
          "Prometheus address '"
              + addr.get()
              + "' is not a URL; write it with scheme and host,"
              + " e.g. http://prometheus.monitoring:9090");
    }
    OptionalLong timeout = v.intValue(p.get("timeout"));
    if (timeout.isPresent() && timeout.getAsLong() < 0) {
      out.error(
          p.get("timeout"),
          "Prometheus timeout " + timeout.getAsLong() + " is negative; give seconds >= 0");
    }
    YamlNode basic = p.at("authentication", "basic");
    if (basic.isPresent()) {
      boolean user = !basic.get("username").text("").isEmpty();
      boolean pass = !basic.get("password").text("").isEmpty();
      if (user != pass) {
        out.error(
            basic,
            "basic authentication needs both username and password; add the missing "
                + (user ? "password" : "username"));
      }
    }
    OAuth2Check.check(p.at("authentication", "oauth2"), out);
    YamlNode step = p.at("rangeQuery", "step");
    Optional<String> stepText = v.text(step);
    if (stepText.isPresent() && !Syntax.parseGoDuration(stepText.get()).valid()) {
      out.error(
          step,
          "rangeQuery.step '" + stepText.get() + "' is not a Go duration; write e.g. 30s or 1m");
    }
  }

  static boolean isUrl(String s) {
    try {
      URI u = new URI(s.trim());
      return u.getScheme() != null && u.getHost() != null && !u.getHost().isEmpty();
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /** The OAuth2 settings check shared with the web provider. */
  static final class OAuth2Check {
    private OAuth2Check() {}

    static void check(YamlNode oauth2, FindingSink out) {
      if (!oauth2.isMapping() || oauth2.get("tokenUrl").text("").isEmpty()) {
        return;
      }
      if (oauth2.get("clientId").text("").isEmpty()
          || oauth2.get("clientSecret").text("").isEmpty()) {
        out.error(
            oauth2, "OAuth2 with a tokenUrl needs clientId and clientSecret; add the missing one");
      }
    }
  }

  @Override
  public RuleDoc doc() {
    return RuleDoc.error(
            "K1, K2, K3, K4, K5, K6 (step)",
            "address URL, timeout, basic auth pair, OAuth2, rangeQuery.step")
        .note("K1 (the address) is a warning")
        .fix(
            "Use an http(s) `address`, a valid `timeout`, username and password together, a "
                + "complete OAuth2 block and a Go-duration `rangeQuery.step`.");
  }
}
