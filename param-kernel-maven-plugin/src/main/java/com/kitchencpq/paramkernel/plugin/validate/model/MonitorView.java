package com.kitchencpq.paramkernel.plugin.validate.model;

import com.kitchencpq.paramkernel.plugin.validate.Manifest;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A prometheus-operator ServiceMonitor or PodMonitor (monitoring.coreos.com/v1), as far as the
 * checks need it: which objects it selects, in which namespaces, and its endpoints. The operator's
 * rules, from its API (monitoring/v1 types): a ServiceMonitor selects Services by {@code
 * spec.selector} (a label selector; empty selects every Service) in the namespaces of {@code
 * spec.namespaceSelector} ({@code any: true}, or {@code matchNames}; empty means the monitor's own
 * namespace) and scrapes each {@code spec.endpoints[]} on the Service port named {@code port} (or
 * the pod port {@code targetPort}); a PodMonitor selects pods the same way and scrapes {@code
 * spec.podMetricsEndpoints[]} on the container port named {@code port}. An endpoint without {@code
 * interval} is scraped at the Prometheus server's global interval.
 */
public final class MonitorView {
  /** The API group. */
  public static final String GROUP = "monitoring.coreos.com";

  private final Manifest manifest;

  public MonitorView(Manifest manifest) {
    this.manifest = manifest;
  }

  /** Whether {@code m} is a ServiceMonitor or a PodMonitor. */
  public static boolean isMonitor(Manifest m) {
    return m.is(GROUP, "ServiceMonitor") || m.is(GROUP, "PodMonitor");
  }

  public Manifest manifest() {
    return manifest;
  }

  public boolean isPodMonitor() {
    return manifest.kind().equals("PodMonitor");
  }

  /** {@code spec.selector}. */
  public YamlNode selector() {
    return manifest.spec().get("selector");
  }

  /** {@code spec.namespaceSelector}. */
  public YamlNode namespaceSelector() {
    return manifest.spec().get("namespaceSelector");
  }

  /** One scrape endpoint. */
  public record Endpoint(
      YamlNode node,
      YamlNode port,
      YamlNode targetPort,
      YamlNode interval,
      YamlNode path,
      YamlNode relabelings) {}

  /**
   * {@code spec.endpoints[]} (ServiceMonitor) or {@code spec.podMetricsEndpoints[]} (PodMonitor).
   */
  public List<Endpoint> endpoints() {
    List<Endpoint> out = new ArrayList<>();
    for (YamlNode e :
        manifest.spec().get(isPodMonitor() ? "podMetricsEndpoints" : "endpoints").items()) {
      out.add(
          new Endpoint(
              e,
              e.get("port"),
              e.get("targetPort"),
              e.get("interval"),
              e.get("path"),
              e.get("relabelings")));
    }
    return out;
  }

  /**
   * The namespaces it looks in: empty for any namespace, the monitor's own one when {@code
   * namespaceSelector} names none (an empty set when that is unset too: the namespace the monitor
   * is applied to).
   */
  public Optional<Set<String>> namespaces() {
    YamlNode ns = namespaceSelector();
    if (ns.get("any").isTrue()) {
      return Optional.empty();
    }
    Set<String> out = new LinkedHashSet<>();
    for (YamlNode n : ns.get("matchNames").items()) {
      out.add(n.text(""));
    }
    if (out.isEmpty() && !manifest.namespace().isEmpty()) {
      out.add(manifest.namespace());
    }
    return Optional.of(out);
  }

  /**
   * Whether objects in namespace {@code namespace} (empty: applied wherever the bundle goes) are
   * looked at. An object without a namespace and a monitor without one go to the same place.
   */
  public boolean coversNamespace(String namespace) {
    Optional<Set<String>> names = namespaces();
    if (names.isEmpty()) {
      return true;
    }
    if (names.get().isEmpty()) {
      return namespace.isEmpty()
          || manifest.namespace().isEmpty()
          || namespace.equals(manifest.namespace());
    }
    return namespace.isEmpty()
        ? names.get().contains(manifest.namespace()) || manifest.namespace().isEmpty()
        : names.get().contains(namespace);
  }

  /**
   * Whether the label selector selects an object with {@code labels}; empty when the selector
   * cannot be read.
   */
  public Optional<Boolean> selects(Map<String, String> labels) {
    return matches(selector(), labels);
  }

  /**
   * Kubernetes label-selector semantics: every matchLabels entry and every matchExpressions
   * requirement.
   */
  public static Optional<Boolean> matches(YamlNode selector, Map<String, String> labels) {
    for (YamlNode.Entry e : selector.get("matchLabels").entries()) {
      if (!e.value().isScalar() || e.value().text("").contains("{{")) {
        return Optional.empty();
      }
      if (!e.value().text("").equals(labels.get(e.key()))) {
        return Optional.of(false);
      }
    }
    for (YamlNode req : selector.get("matchExpressions").items()) {
      String key = req.get("key").text("");
      String op = req.get("operator").text("");
      List<String> values = req.get("values").items().stream().map(v -> v.text("")).toList();
      boolean ok =
          switch (op) {
            case "In" -> labels.containsKey(key) && values.contains(labels.get(key));
            case "NotIn" -> !labels.containsKey(key) || !values.contains(labels.get(key));
            case "Exists" -> labels.containsKey(key);
            case "DoesNotExist" -> !labels.containsKey(key);
            default -> true;
          };
      if (!Set.of("In", "NotIn", "Exists", "DoesNotExist").contains(op)) {
        return Optional.empty();
      }
      if (!ok) {
        return Optional.of(false);
      }
    }
    return Optional.of(true);
  }

  /** {@code ServiceMonitor 'name'} for messages. */
  public String label() {
    return manifest.label();
  }
}
