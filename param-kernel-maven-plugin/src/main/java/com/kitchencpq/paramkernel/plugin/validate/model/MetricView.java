package com.kitchencpq.paramkernel.plugin.validate.model;

import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Typed-enough access to one {@code metrics[]} item of an analysis template. */
public final class MetricView {
  /** The providers upstream knows by field name; {@code plugin} counts once per key inside it. */
  public static final Set<String> PROVIDERS =
      Set.of(
          "prometheus",
          "job",
          "web",
          "wavefront",
          "kayenta",
          "datadog",
          "newRelic",
          "cloudWatch",
          "graphite",
          "influxdb",
          "skywalking",
          "plugin");

  private final YamlNode node;
  private final int index;

  public MetricView(YamlNode node, int index) {
    this.node = node;
    this.index = index;
  }

  public YamlNode node() {
    return node;
  }

  /** Position in {@code spec.metrics}. */
  public int index() {
    return index;
  }

  public String name() {
    return node.get("name").text("");
  }

  public YamlNode provider() {
    return node.get("provider");
  }

  /** The provider kinds set on this metric ({@code plugin/<key>} for each plugin entry). */
  public List<String> providerNames() {
    List<String> out = new ArrayList<>();
    for (YamlNode.Entry e : provider().entries()) {
      if (e.value().isAbsent()) {
        continue;
      }
      if (e.key().equals("plugin")) {
        e.value().keys().forEach(k -> out.add("plugin/" + k));
      } else if (PROVIDERS.contains(e.key())) {
        out.add(e.key());
      }
    }
    return out;
  }

  /** The single provider kind, or empty when none or several are set. */
  public String providerName() {
    List<String> names = providerNames();
    return names.size() == 1 ? names.get(0) : "";
  }

  /**
   * The provider's own settings ({@code provider.prometheus} etc.), missing when none or several.
   */
  public YamlNode providerSpec() {
    String name = providerName();
    if (name.startsWith("plugin/")) {
      return provider().at("plugin", name.substring("plugin/".length()));
    }
    return name.isEmpty() ? provider().get("__none__") : provider().get(name);
  }

  /** {@code query} of the provider (Prometheus, Datadog, Graphite...), missing when it has none. */
  public YamlNode query() {
    return providerSpec().get("query");
  }

  public YamlNode successCondition() {
    return node.get("successCondition");
  }

  public YamlNode failureCondition() {
    return node.get("failureCondition");
  }

  public YamlNode count() {
    return node.get("count");
  }

  public YamlNode interval() {
    return node.get("interval");
  }

  public YamlNode initialDelay() {
    return node.get("initialDelay");
  }

  public YamlNode failureLimit() {
    return node.get("failureLimit");
  }

  public YamlNode inconclusiveLimit() {
    return node.get("inconclusiveLimit");
  }

  public YamlNode consecutiveErrorLimit() {
    return node.get("consecutiveErrorLimit");
  }

  public YamlNode consecutiveSuccessLimit() {
    return node.get("consecutiveSuccessLimit");
  }
}
