package com.kitchencpq.paramkernel.plugin.validate.model;

import com.kitchencpq.paramkernel.plugin.validate.Manifest;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;

/** Typed-enough access to an AnalysisTemplate or ClusterAnalysisTemplate. */
public final class AnalysisTemplateView {
  private final Manifest manifest;

  public AnalysisTemplateView(Manifest manifest) {
    this.manifest = manifest;
  }

  public Manifest manifest() {
    return manifest;
  }

  public String name() {
    return manifest.name();
  }

  public YamlNode spec() {
    return manifest.spec();
  }

  public List<MetricView> metrics() {
    List<YamlNode> items = spec().get("metrics").items();
    List<MetricView> out = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      out.add(new MetricView(items.get(i), i));
    }
    return out;
  }

  /** {@code spec.args[]} items. */
  public List<YamlNode> args() {
    return spec().get("args").items();
  }

  public List<String> argNames() {
    return args().stream().map(a -> a.get("name").text("")).toList();
  }

  /** Nested templates ({@code spec.templates[]}). */
  public List<TemplateRef> nestedTemplates() {
    return TemplateRef.listed(spec());
  }

  public List<YamlNode> dryRun() {
    return spec().get("dryRun").items();
  }

  public List<YamlNode> measurementRetention() {
    return spec().get("measurementRetention").items();
  }
}
