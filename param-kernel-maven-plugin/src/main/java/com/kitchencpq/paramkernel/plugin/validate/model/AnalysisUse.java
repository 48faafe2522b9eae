package com.kitchencpq.paramkernel.plugin.validate.model;

import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;
import java.util.List;

/**
 * One place where a Rollout runs analysis: an inline canary step, the background analysis of a
 * canary, or the pre/post-promotion analysis of a blue-green rollout. {@code node} is the {@code
 * RolloutAnalysis} object (with {@code templates}, {@code args}, {@code dryRun}, {@code
 * measurementRetention}); {@code stepIndex} is the canary step index or -1.
 */
public record AnalysisUse(Type type, YamlNode node, int stepIndex) {
  /** Where the analysis runs. */
  public enum Type {
    STEP,
    BACKGROUND,
    PRE_PROMOTION,
    POST_PROMOTION
  }

  public List<TemplateRef> templates() {
    return TemplateRef.listed(node);
  }

  /** {@code args[]} items. */
  public List<YamlNode> args() {
    return node.get("args").items();
  }

  /** Background analysis runs until the rollout finishes; every other kind must end by itself. */
  public boolean isBackground() {
    return type == Type.BACKGROUND;
  }
}
