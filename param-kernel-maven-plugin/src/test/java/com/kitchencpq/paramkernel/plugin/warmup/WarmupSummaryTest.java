package com.kitchencpq.paramkernel.plugin.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import com.kitchencpq.paramkernel.service.warmup.WarmupReport;
import org.junit.jupiter.api.Test;

class WarmupSummaryTest {

  @Test
  void aPassingRunShowsTheVerdictThePercentilesAndTheChart() throws Exception {
    WarmupReport r = KnownRuns.report(KnownRuns.planShaped());
    String md = WarmupSummary.markdown(r);
    assertThat(md)
        .startsWith(
            "### param-kernel warm-up\n\n"
                + "passed: 200 of 200 requests answered 200; judged: iterations 2-10 (180 requests)"
                + " of `http://canary.kitchen-cpq.svc:80`.\n\n");
    assertThat(md).contains("| latency (ms) | 12.903 | ", "| limit (ms) | | < 45 | < 70 | | |\n");
    assertThat(md)
        .contains(
            "```mermaid\n"
                + PercentilePlot.mermaid(
                    r.histogram(), 45, 70, "Warm-up latency by percentile, iterations 2-10")
                + "```\n");
    assertThat(WarmupSummary.outputs(r, "artifacts/param-kernel/warmup/run-log.json"))
        .containsExactly(
            java.util.Map.entry("warmup-passed", "true"),
            java.util.Map.entry(
                "warmup-p95-ms", PercentilePlot.number(r.percentiles().p95Millis())),
            java.util.Map.entry(
                "warmup-p99-ms", PercentilePlot.number(r.percentiles().p99Millis())),
            java.util.Map.entry("warmup-run-log", "artifacts/param-kernel/warmup/run-log.json"));
  }

  @Test
  void aFailedRunListsItsReasons() throws Exception {
    WarmupReport r = KnownRuns.report(KnownRuns.planShaped(), "--max-p95-ms=10");
    String md = WarmupSummary.markdown(r);
    assertThat(md)
        .contains(
            "**failed**: 200 of 200 requests answered 200;",
            "\n- p95 "
                + PercentilePlot.number(r.percentiles().p95Millis())
                + " ms over iterations 2-10 is not below the limit of 10 ms\n");
  }
}
