package com.kitchencpq.paramkernel.plugin.validate.model;

import com.kitchencpq.paramkernel.plugin.validate.Manifest;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Typed-enough access to a Rollout: strategy, steps, traffic routing, pod template, analyses. */
public final class RolloutView {
  private final Manifest manifest;

  public RolloutView(Manifest manifest) {
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

  public YamlNode strategy() {
    return spec().get("strategy");
  }

  public YamlNode canary() {
    return strategy().get("canary");
  }

  public YamlNode blueGreen() {
    return strategy().get("blueGreen");
  }

  public boolean isCanary() {
    return canary().isPresent();
  }

  public boolean isBlueGreen() {
    return blueGreen().isPresent();
  }

  /** {@code spec.strategy.canary.steps[]}; empty for blue-green. */
  public List<YamlNode> steps() {
    return canary().get("steps").items();
  }

  /** {@code spec.strategy.canary.trafficRouting}. */
  public YamlNode trafficRouting() {
    return canary().get("trafficRouting");
  }

  public boolean hasWorkloadRef() {
    return spec().get("workloadRef").isPresent();
  }

  /** {@code spec.template}. */
  public YamlNode podTemplate() {
    return spec().get("template");
  }

  public Map<String, String> templateLabels() {
    return podTemplate().at("metadata", "labels").stringMap();
  }

  /** Containers and init containers of the pod template. */
  public List<YamlNode> allContainers() {
    List<YamlNode> out = new ArrayList<>(podTemplate().at("spec", "initContainers").items());
    out.addAll(podTemplate().at("spec", "containers").items());
    return out;
  }

  /** Every place the rollout runs analysis, in document order. */
  public List<AnalysisUse> analyses() {
    List<AnalysisUse> out = new ArrayList<>();
    List<YamlNode> steps = steps();
    for (int i = 0; i < steps.size(); i++) {
      YamlNode a = steps.get(i).get("analysis");
      if (a.isPresent()) {
        out.add(new AnalysisUse(AnalysisUse.Type.STEP, a, i));
      }
    }
    if (canary().get("analysis").isPresent()) {
      out.add(new AnalysisUse(AnalysisUse.Type.BACKGROUND, canary().get("analysis"), -1));
    }
    if (blueGreen().get("prePromotionAnalysis").isPresent()) {
      out.add(
          new AnalysisUse(
              AnalysisUse.Type.PRE_PROMOTION, blueGreen().get("prePromotionAnalysis"), -1));
    }
    if (blueGreen().get("postPromotionAnalysis").isPresent()) {
      out.add(
          new AnalysisUse(
              AnalysisUse.Type.POST_PROMOTION, blueGreen().get("postPromotionAnalysis"), -1));
    }
    return out;
  }

  /** The Services the rollout names, by role (field name) to the node holding the name. */
  public List<ServiceRef> serviceRefs() {
    List<ServiceRef> out = new ArrayList<>();
    addRef(out, canary().get("canaryService"));
    addRef(out, canary().get("stableService"));
    addRef(out, canary().at("pingPong", "pingService"));
    addRef(out, canary().at("pingPong", "pongService"));
    addRef(out, blueGreen().get("activeService"));
    addRef(out, blueGreen().get("previewService"));
    return out;
  }

  private static void addRef(List<ServiceRef> out, YamlNode n) {
    if (n.isScalar() && !n.text("").isEmpty()) {
      out.add(new ServiceRef(n.text(), n));
    }
  }

  /** A Service named by the rollout. */
  public record ServiceRef(String name, YamlNode node) {}
}
