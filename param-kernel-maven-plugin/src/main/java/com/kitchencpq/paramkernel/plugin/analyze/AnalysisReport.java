package com.kitchencpq.paramkernel.plugin.analyze;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.kitchencpq.paramkernel.plugin.core.ArtifactFiles;
import com.kitchencpq.paramkernel.plugin.core.AtomicFiles;
import com.kitchencpq.paramkernel.plugin.github.StepSummary;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run leaves behind: {@code artifacts/param-kernel/analysis.json}, the table the log shows,
 * and the job-summary section in GitHub Actions. Plain data in, text out.
 */
public final class AnalysisReport {
  private AnalysisReport() {}

  /** Values longer than this are cut in the log table (the JSON keeps them whole). */
  static final int VALUE_WIDTH = 40;

  /**
   * {@code analysis.json}: {@code phase}, {@code message}, {@code mode}, {@code startedAt}, {@code
   * finishedAt}, {@code argoVersion} and {@code metrics}, each with {@code name}, {@code template},
   * {@code provider}, {@code phase}, {@code message}, {@code dryRun}, the counters and {@code
   * measurements} ({@code instant}, {@code value} (null for an Error), {@code phase}, {@code
   * message}).
   */
  public static String json(AnalysisResult r) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("phase", r.phase().text());
    root.put("message", r.message());
    root.put("mode", r.mode().isReplay() ? "replay" : "live");
    root.put("startedAt", r.startedAt().toString());
    root.put("finishedAt", r.finishedAt().toString());
    root.put("argoVersion", r.release().version());
    List<Object> metrics = new ArrayList<>();
    for (AnalysisResult.MetricResult m : r.metrics()) {
      Map<String, Object> jm = new LinkedHashMap<>();
      jm.put("name", m.name());
      jm.put("template", m.template());
      jm.put("provider", m.provider());
      jm.put("phase", m.phase().text());
      jm.put("message", m.message());
      jm.put("dryRun", m.dryRun());
      jm.put("count", m.count());
      jm.put("successful", m.successful());
      jm.put("failed", m.failed());
      jm.put("inconclusive", m.inconclusive());
      jm.put("error", m.error());
      List<Object> ms = new ArrayList<>();
      for (Measurement x : m.measurements()) {
        Map<String, Object> jx = new LinkedHashMap<>();
        jx.put("instant", x.instant().toString());
        jx.put("value", x.value());
        jx.put("phase", x.phase().text());
        jx.put("message", x.message());
        ms.add(jx);
      }
      jm.put("measurements", ms);
      metrics.add(jm);
    }
    root.put("metrics", metrics);
    StringWriter out = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      g.setPrettyPrinter(new DefaultPrettyPrinter());
      write(g, root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out + "\n";
  }

  /** Writes maps, lists, strings, numbers and booleans with jackson-core's generator. */
  private static void write(JsonGenerator g, Object v) throws IOException {
    if (v instanceof Map<?, ?> m) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        g.writeFieldName(String.valueOf(e.getKey()));
        write(g, e.getValue());
      }
      g.writeEndObject();
    } else if (v instanceof List<?> l) {
      g.writeStartArray();
      for (Object x : l) {
        write(g, x);
      }
      g.writeEndArray();
    } else if (v instanceof Integer i) {
      g.writeNumber(i);
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v == null) {
      g.writeNull();
    } else {
      g.writeString(String.valueOf(v));
    }
  }

  /** Writes {@code analysis.json} into the artifacts directory atomically; returns its path. */
  public static Path write(Path artifactsDirectory, AnalysisResult r) throws IOException {
    Path target = artifactsDirectory.resolve(ArtifactFiles.ANALYSIS_JSON);
    AtomicFiles.write(target, json(r));
    return target;
  }

  /** Removes an {@code analysis.json} an earlier run left; returns whether there was one. */
  public static boolean removeStale(Path artifactsDirectory) throws IOException {
    return AtomicFiles.removeStale(artifactsDirectory.resolve(ArtifactFiles.ANALYSIS_JSON));
  }

  /** {@code replay from <instant>, Argo Rollouts 1.9} or {@code live, Argo Rollouts 1.9}. */
  public static String how(AnalysisResult r) {
    return (r.mode().isReplay() ? "replay from " + r.mode().replayStart() : "live")
        + ", Argo Rollouts "
        + r.release().version();
  }

  /**
   * A metric's heading: {@code metric error-rate (AnalysisTemplate 'x', prometheus): Successful}.
   */
  static String heading(AnalysisResult.MetricResult m) {
    String head =
        "metric "
            + m.name()
            + " ("
            + m.template()
            + ", "
            + (m.provider().isEmpty() ? "no provider" : m.provider())
            + (m.dryRun() ? ", dry run" : "")
            + "): ";
    if (!m.ran()) {
      return head + "not run here (analyze runs Prometheus metrics only); left out of the verdict";
    }
    return head + m.phase() + (m.message().isEmpty() ? "" : ": " + m.message());
  }

  /** The log table: per metric a heading, then one line per measurement. */
  public static List<String> table(AnalysisResult r) {
    List<String> lines = new ArrayList<>();
    for (AnalysisResult.MetricResult m : r.metrics()) {
      lines.add(heading(m));
      if (m.measurements().isEmpty()) {
        continue;
      }
      int instantWidth =
          m.measurements().stream().mapToInt(x -> x.instant().toString().length()).max().orElse(20);
      int valueWidth =
          Math.max(5, m.measurements().stream().mapToInt(x -> shown(x).length()).max().orElse(5));
      lines.add(
          String.format(
              "  %3s  %-" + instantWidth + "s  %-" + valueWidth + "s  %s",
              "#",
              "instant",
              "value",
              "phase"));
      int i = 1;
      for (Measurement x : m.measurements()) {
        String line =
            String.format(
                "  %3d  %-" + instantWidth + "s  %-" + valueWidth + "s  %s",
                i++,
                x.instant(),
                shown(x),
                x.phase());
        if (!x.message().isEmpty()) {
          line += "  " + x.message();
        }
        lines.add(line.stripTrailing());
      }
    }
    return lines;
  }

  private static String shown(Measurement x) {
    if (x.value() == null) {
      return "-";
    }
    return x.value().length() <= VALUE_WIDTH
        ? x.value()
        : x.value().substring(0, VALUE_WIDTH - 3) + "...";
  }

  /** A progress line of a live run: {@code error-rate #2 at <instant>: [0.001] Successful}. */
  public static String progress(String metric, int number, Measurement m) {
    return metric
        + " #"
        + number
        + " at "
        + m.instant()
        + ": "
        + (m.value() == null ? "-" : m.value())
        + " "
        + m.phase()
        + (m.message().isEmpty() ? "" : " (" + m.message() + ")");
  }

  /** The job-summary section. */
  public static String summary(AnalysisResult r) {
    List<StepSummary.AnalysisMetric> metrics = new ArrayList<>();
    for (AnalysisResult.MetricResult m : r.metrics()) {
      List<StepSummary.AnalysisMeasurement> rows = new ArrayList<>();
      for (Measurement x : m.measurements()) {
        rows.add(
            new StepSummary.AnalysisMeasurement(
                x.instant().toString(), x.value(), x.phase().text(), x.message()));
      }
      String note =
          !m.ran()
              ? "not run here: " + m.provider() + " provider, left out of the verdict"
              : m.template()
                  + (m.dryRun() ? ", dry run" : "")
                  + (m.message().isEmpty() ? "" : "; " + m.message());
      metrics.add(
          new StepSummary.AnalysisMetric(
              m.name(), m.ran() ? m.phase().text() : "not run", note, rows));
    }
    return StepSummary.analysisSection(
        new StepSummary.AnalysisInfo(r.phase().text(), r.message(), how(r), metrics));
  }
}
