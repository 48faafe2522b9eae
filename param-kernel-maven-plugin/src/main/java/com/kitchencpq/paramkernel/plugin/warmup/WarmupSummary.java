package com.kitchencpq.paramkernel.plugin.warmup;

import com.kitchencpq.paramkernel.service.warmup.WarmupReport;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the {@code warmup} goal hands to later workflow steps: the job-summary section (the verdict,
 * the percentiles, the distribution as a Mermaid chart against the limits) and the step outputs.
 * Plain data in, text out.
 */
public final class WarmupSummary {
  /** Step output names. */
  static final String OUTPUT_PASSED = "warmup-passed";

  static final String OUTPUT_P95 = "warmup-p95-ms";
  static final String OUTPUT_P99 = "warmup-p99-ms";
  static final String OUTPUT_RUN_LOG = "warmup-run-log";

  private WarmupSummary() {}

  /** The step outputs; {@code runLogPath} as the log shows it. */
  public static Map<String, String> outputs(WarmupReport report, String runLogPath) {
    Map<String, String> outputs = new LinkedHashMap<>();
    outputs.put(OUTPUT_PASSED, Boolean.toString(report.passed()));
    outputs.put(OUTPUT_P95, PercentilePlot.number(report.percentiles().p95Millis()));
    outputs.put(OUTPUT_P99, PercentilePlot.number(report.percentiles().p99Millis()));
    outputs.put(OUTPUT_RUN_LOG, runLogPath);
    return outputs;
  }

  /** The job-summary section. */
  public static String markdown(WarmupReport report) {
    WarmupReport.Percentiles p = report.percentiles();
    double maxP95 = report.options().maxP95Millis();
    double maxP99 = report.options().maxP99Millis();
    StringBuilder md = new StringBuilder("### param-kernel warm-up\n\n");
    md.append(report.passed() ? "passed" : "**failed**")
        .append(": ")
        .append(report.result().succeeded())
        .append(" of ")
        .append(report.result().requests())
        .append(" requests answered 200; judged: ")
        .append(report.judgedWindow())
        .append(" (")
        .append(report.histogram().getTotalCount())
        .append(" requests) of `")
        .append(cell(report.options().displayTarget()))
        .append("`.\n\n");
    for (String problem : report.problemMessages()) {
      md.append("- ").append(cell(problem)).append('\n');
    }
    if (!report.problems().isEmpty()) {
      md.append('\n');
    }
    md.append("| | p50 | p95 | p99 | p99.9 | max |\n|---|---|---|---|---|---|\n");
    md.append("| latency (ms) | ")
        .append(ms(p.p50Millis()))
        .append(" | ")
        .append(ms(p.p95Millis()))
        .append(" | ")
        .append(ms(p.p99Millis()))
        .append(" | ")
        .append(ms(p.p999Millis()))
        .append(" | ")
        .append(ms(p.maxMillis()))
        .append(" |\n");
    md.append("| limit (ms) | | < ")
        .append(ms(maxP95))
        .append(" | < ")
        .append(ms(maxP99))
        .append(" | | |\n\n");
    md.append("```mermaid\n")
        .append(
            PercentilePlot.mermaid(
                report.histogram(),
                maxP95,
                maxP99,
                "Warm-up latency by percentile, " + report.judgedWindow()))
        .append("```\n\n");
    md.append("The rising line is the measured latency; the flat lines are the limits, p95 below ")
        .append(ms(maxP95))
        .append(" ms and p99 below ")
        .append(ms(maxP99))
        .append(
            " ms, each judged at its own percentile. Evidence: `run-log.json`, `histogram.json`"
                + " (HdrHistogram), `histogram.hgrm`, `percentiles.svg` in"
                + " `artifacts/param-kernel/warmup/`.\n\n");
    return md.toString();
  }

  private static String ms(double millis) {
    return PercentilePlot.number(millis);
  }

  private static String cell(String value) {
    return value
        .replace("\r\n", " ")
        .replace('\n', ' ')
        .replace('\r', ' ')
        .replace("|", "\\|")
        .replace("`", "'");
  }
}
