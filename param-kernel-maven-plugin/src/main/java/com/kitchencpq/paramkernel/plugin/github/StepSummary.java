package com.kitchencpq.paramkernel.plugin.github;

import com.kitchencpq.paramkernel.plugin.core.YamlLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Markdown for the job summary ({@code GITHUB_STEP_SUMMARY}): one section per goal outcome. The
 * goals build the text here and hand it to {@link GithubActions#appendSummary(String)}. Everything
 * is plain data in, text out; nothing here touches the environment or the disk.
 */
public final class StepSummary {
  /** How many findings the validation section lists before it only counts the rest. */
  public static final int MAX_LISTED_FINDINGS = 10;

  private StepSummary() {}

  /** The outcome of resolve-digest, as the summary shows it. */
  public record DigestInfo(
      String image, String tag, String digest, boolean fallback, String source) {
    public DigestInfo {
      Objects.requireNonNull(image, "image");
      Objects.requireNonNull(digest, "digest");
    }
  }

  /** One step of a canary: its kind (the YAML key, e.g. {@code setWeight}) and a short label. */
  public record CanaryStep(String kind, String label) {}

  /** The outcome of validate, as the summary shows it. */
  public record ValidationInfo(long errors, long warnings, List<String> findings) {
    public ValidationInfo {
      findings = List.copyOf(findings);
    }
  }

  /**
   * The image section: repository, tag, digest, whether the tag was a fallback, and where it came
   * from.
   */
  public static String digestSection(
      String image, String tag, String digest, boolean fallback, String source) {
    return digestSection(new DigestInfo(image, tag, digest, fallback, source));
  }

  public static String digestSection(DigestInfo info) {
    StringBuilder md = new StringBuilder("### param-kernel image\n\n");
    md.append("| | |\n|---|---|\n");
    row(md, "Image", code(info.image()));
    row(md, "Tag", info.tag() == null ? "(none: digest given directly)" : code(info.tag()));
    row(md, "Digest", code(info.digest()));
    row(
        md,
        "Fallback",
        info.fallback() ? "**yes**: the preferred tag does not exist in the registry" : "no");
    row(md, "Source", info.source() == null ? "" : cell(info.source()));
    md.append('\n')
        .append("Image reference: ")
        .append(code(info.image() + "@" + info.digest()))
        .append("\n\n");
    return md.toString();
  }

  /**
   * The canary section of a rendered rollout bundle: a Mermaid {@code flowchart LR} of the
   * Rollout's {@code spec.strategy.canary.steps}. A bundle without a canary Rollout (or that is not
   * YAML) gets a one-line note instead, since a summary must never break the build.
   */
  public static String canaryPlan(String renderedYaml) {
    List<CanaryStep> steps;
    try {
      steps = canarySteps(renderedYaml);
    } catch (IllegalArgumentException e) {
      return "### param-kernel canary plan\n\n" + cell(e.getMessage()) + "\n\n";
    }
    return canaryPlan(steps);
  }

  /** The canary section for steps already read. */
  public static String canaryPlan(List<CanaryStep> steps) {
    StringBuilder md = new StringBuilder("### param-kernel canary plan\n\n");
    if (steps.isEmpty()) {
      return md.append("The Rollout has no canary steps: it goes to 100% at once.\n\n").toString();
    }
    md.append("```mermaid\n").append(mermaid(steps)).append("```\n\n");
    return md.toString();
  }

  /** The Mermaid flowchart text (without the fence) for the steps. */
  public static String mermaid(List<CanaryStep> steps) {
    StringBuilder m = new StringBuilder("flowchart LR\n");
    m.append("  start([stable])");
    for (int i = 0; i < steps.size(); i++) {
      m.append(" --> s").append(i + 1).append(node(steps.get(i)));
    }
    m.append(" --> done([promoted: 100%])\n");
    return m.toString();
  }

  private static String node(CanaryStep step) {
    String label = step.label().replace("\"", "#quot;");
    return switch (step.kind()) {
      case "pause" -> "{{\"" + label + "\"}}";
      case "analysis" -> "[/\"" + label + "\"/]";
      default -> "[\"" + label + "\"]";
    };
  }

  /**
   * The steps of the first Rollout in the (possibly multi-document) YAML text, in order.
   *
   * @throws IllegalArgumentException when the text is not YAML or holds no Rollout with a canary
   *     strategy; the message says which
   */
  public static List<CanaryStep> canarySteps(String yamlText) {
    Yaml yaml = new Yaml(new SafeConstructor(YamlLimits.loaderOptions()));
    try {
      for (Object doc : yaml.loadAll(yamlText)) {
        if (doc instanceof Map<?, ?> map && "Rollout".equals(map.get("kind"))) {
          Object canary = path(map, "spec", "strategy", "canary");
          if (!(canary instanceof Map<?, ?> canaryMap)) {
            throw new IllegalArgumentException(
                "The Rollout has no canary strategy (spec.strategy.canary).");
          }
          Object steps = canaryMap.get("steps");
          List<CanaryStep> out = new ArrayList<>();
          if (steps instanceof List<?> list) {
            for (Object step : list) {
              out.add(step(step));
            }
          }
          return List.copyOf(out);
        }
      }
    } catch (YAMLException e) {
      throw new IllegalArgumentException(
          "The rendered bundle is not valid YAML, so no canary plan is shown.", e);
    }
    throw new IllegalArgumentException(
        "The rendered bundle holds no Rollout, so no canary plan is shown.");
  }

  private static CanaryStep step(Object step) {
    if (!(step instanceof Map<?, ?> map) || map.isEmpty()) {
      return new CanaryStep("unknown", "(empty step)");
    }
    Map.Entry<?, ?> entry = map.entrySet().iterator().next();
    String kind = String.valueOf(entry.getKey());
    Object value = entry.getValue();
    return switch (kind) {
      case "setWeight" -> new CanaryStep(kind, "setWeight " + value + "%");
      case "pause" -> new CanaryStep(kind, "pause " + pauseDuration(value));
      case "analysis" -> new CanaryStep(kind, "analysis: " + analysisTemplates(value));
      case "setCanaryScale" -> new CanaryStep(kind, "setCanaryScale " + inline(value));
      default -> new CanaryStep(kind, kind);
    };
  }

  private static String pauseDuration(Object value) {
    if (value instanceof Map<?, ?> map && map.get("duration") != null) {
      Object d = map.get("duration");
      // A bare number means seconds in Argo Rollouts.
      return d instanceof Number ? d + "s" : String.valueOf(d);
    }
    return "(until promoted)";
  }

  private static String analysisTemplates(Object value) {
    List<String> names = new ArrayList<>();
    if (value instanceof Map<?, ?> map && map.get("templates") instanceof List<?> templates) {
      for (Object t : templates) {
        if (t instanceof Map<?, ?> tm && tm.get("templateName") != null) {
          names.add(String.valueOf(tm.get("templateName")));
        }
      }
    }
    return names.isEmpty() ? "(no templates)" : String.join(", ", names);
  }

  private static String inline(Object value) {
    if (value instanceof Map<?, ?> map) {
      List<String> parts = new ArrayList<>();
      map.forEach((k, v) -> parts.add(k + "=" + v));
      return String.join(", ", parts);
    }
    return String.valueOf(value);
  }

  private static Object path(Map<?, ?> map, String... keys) {
    Object current = map;
    for (String key : keys) {
      if (!(current instanceof Map<?, ?> m)) {
        return null;
      }
      current = m.get(key);
    }
    return current;
  }

  /**
   * A rendered contingency, as the banner shows it.
   *
   * @param template the AnalysisTemplate that carries it
   * @param metric the metric whose failure bound was widened
   * @param planBound the plan's bound, as written in the template
   * @param bound the widened bound
   * @param reason why
   * @param until the last day it may stay (ISO date)
   * @param annotation the annotation key that shows it in the cluster
   * @param properties the properties to leave out to revert
   */
  public record ContingencyInfo(
      String template,
      String metric,
      String planBound,
      String bound,
      String reason,
      String until,
      String annotation,
      String properties) {}

  /**
   * A warning banner for a render that widened a failure bound: what, until when, why, where the
   * cluster shows it, and how to revert. A GitHub alert block, so it stands out above the other
   * sections.
   */
  public static String contingencyBanner(ContingencyInfo c) {
    StringBuilder md = new StringBuilder("### param-kernel contingency in effect\n\n");
    md.append("> [!WARNING]\n");
    md.append("> **Temporary widening:** the p95 failure bound of ")
        .append(code(c.metric()))
        .append(" in ")
        .append(code(c.template()))
        .append(" is ")
        .append(code(c.bound()))
        .append(" s instead of the plan's ")
        .append(code(c.planBound()))
        .append(" s, until ")
        .append(code(c.until()))
        .append(" (UTC).\n>\n");
    md.append("> Reason: ").append(cell(c.reason())).append("\n>\n");
    md.append("> The cluster shows it as the annotation ")
        .append(code(c.annotation()))
        .append(" on the template. Revert by rendering again without ")
        .append(cell(c.properties()))
        .append(".\n\n");
    return md.toString();
  }

  /** The validation section: counts, then the first findings as they were printed. */
  public static String validationSection(long errors, long warnings, List<String> findings) {
    return validationSection(new ValidationInfo(errors, warnings, findings));
  }

  public static String validationSection(ValidationInfo info) {
    StringBuilder md = new StringBuilder("### param-kernel validation\n\n");
    String verdict = info.errors() > 0 ? "**failed**" : "passed";
    md.append(verdict)
        .append(": ")
        .append(count(info.errors(), "error"))
        .append(", ")
        .append(count(info.warnings(), "warning"))
        .append(".\n\n");
    List<String> findings = info.findings();
    if (!findings.isEmpty()) {
      List<String> listed = findings.subList(0, Math.min(MAX_LISTED_FINDINGS, findings.size()));
      String fence = fenceFor(listed);
      md.append(fence).append("text\n");
      listed.forEach(line -> md.append(line).append('\n'));
      md.append(fence).append("\n\n");
      if (findings.size() > listed.size()) {
        md.append("… and ")
            .append(findings.size() - listed.size())
            .append(" more (see the build log).\n\n");
      }
    }
    return md.toString();
  }

  /** One measurement as the analysis section lists it. */
  public record AnalysisMeasurement(String instant, String value, String phase, String message) {}

  /**
   * One metric of an analysis: name, phase, a note (where it is defined, why it was not run) and
   * its measurements.
   */
  public record AnalysisMetric(
      String name, String phase, String note, List<AnalysisMeasurement> measurements) {
    public AnalysisMetric {
      measurements = List.copyOf(measurements);
    }
  }

  /** The outcome of analyze, as the summary shows it. */
  public record AnalysisInfo(
      String phase, String message, String how, List<AnalysisMetric> metrics) {
    public AnalysisInfo {
      metrics = List.copyOf(metrics);
    }
  }

  /**
   * The analysis section: the run's phase and why, then per metric a table of its measurements
   * (instant, value, phase, message).
   */
  public static String analysisSection(AnalysisInfo info) {
    StringBuilder md = new StringBuilder("### param-kernel analysis\n\n");
    boolean ok = info.phase().equals("Successful");
    md.append(ok ? info.phase() : "**" + info.phase() + "**")
        .append(" (")
        .append(cell(info.how()))
        .append("): ")
        .append(cell(info.message()))
        .append("\n\n");
    for (AnalysisMetric m : info.metrics()) {
      md.append("#### ").append(code(m.name())).append(": ").append(m.phase());
      if (!m.note().isEmpty()) {
        md.append(" (").append(cell(m.note())).append(')');
      }
      md.append("\n\n");
      if (m.measurements().isEmpty()) {
        continue;
      }
      md.append("| # | instant | value | phase | message |\n|---:|---|---|---|---|\n");
      int i = 1;
      for (AnalysisMeasurement x : m.measurements()) {
        md.append("| ")
            .append(i++)
            .append(" | ")
            .append(cell(x.instant()))
            .append(" | ")
            .append(x.value() == null ? "" : code(x.value()))
            .append(" | ")
            .append(x.phase())
            .append(" | ")
            .append(cell(x.message()))
            .append(" |\n");
      }
      md.append('\n');
    }
    return md.toString();
  }

  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /** A code fence longer than any run of backticks in the lines, so no line can close it. */
  private static String fenceFor(List<String> lines) {
    int longest = 0;
    for (String line : lines) {
      int run = 0;
      for (int i = 0; i < line.length(); i++) {
        run = line.charAt(i) == '`' ? run + 1 : 0;
        longest = Math.max(longest, run);
      }
    }
    return "`".repeat(Math.max(3, longest + 1));
  }

  private static void row(StringBuilder md, String name, String value) {
    md.append("| ").append(name).append(" | ").append(value).append(" |\n");
  }

  /** Inline code that survives backticks and table pipes in the value. */
  static String code(String value) {
    String v = cell(value);
    String ticks = v.contains("`") ? "``" : "`";
    String pad = v.startsWith("`") || v.endsWith("`") ? " " : "";
    return ticks + pad + v + pad + ticks;
  }

  /** A table cell or single line of text: no line breaks, pipes escaped. */
  private static String cell(String value) {
    return value.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ').replace("|", "\\|");
  }
}
