package com.kitchencpq.paramkernel.plugin.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kitchencpq.paramkernel.plugin.argo.ArgoVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** analysis.json, the log table and the job summary of a run. */
class AnalysisReportTest {
  private static final Instant T = Instant.parse("2026-12-01T10:02:30Z");

  private static AnalysisResult result() {
    Measurement ok = new Measurement(T, T, "[0.0012]", Phase.SUCCESSFUL, "", false, List.of());
    Measurement failed =
        new Measurement(
            T.plusSeconds(60), T.plusSeconds(60), "[0.05]", Phase.FAILED, "", false, List.of());
    Measurement error =
        Measurement.error(T.plusSeconds(120), T.plusSeconds(120), "bad_data: parse error", false);
    return new AnalysisResult(
        Phase.FAILED,
        "Metric \"error-rate\" assessed Failed due to failed (2) > failureLimit (1)",
        List.of(
            new AnalysisResult.MetricResult(
                "warmup",
                "AnalysisTemplate 'param-kernel-warmup'",
                "job",
                Phase.NOT_RUN,
                "not run here",
                false,
                0,
                0,
                0,
                0,
                0,
                0,
                List.of()),
            new AnalysisResult.MetricResult(
                "error-rate",
                "AnalysisTemplate 'param-kernel-canary-health'",
                "prometheus",
                Phase.FAILED,
                "",
                false,
                2,
                1,
                1,
                0,
                1,
                1,
                List.of(ok, failed, error))),
        AnalysisRequest.Mode.replay(T.minusSeconds(150)),
        ArgoVersion.V1_9,
        T.minusSeconds(150),
        T.plusSeconds(120));
  }

  @Test
  void theJsonHasTheShapeTheIssueFixes(@TempDir Path dir) throws Exception {
    Path file = AnalysisReport.write(dir, result());
    assertThat(file).isEqualTo(dir.resolve("analysis.json"));
    JsonNode json = new ObjectMapper().readTree(Files.readString(file));
    assertThat(json.get("phase").asText()).isEqualTo("Failed");
    assertThat(json.get("message").asText()).startsWith("Metric \"error-rate\" assessed Failed");
    assertThat(json.get("mode").asText()).isEqualTo("replay");
    assertThat(json.get("argoVersion").asText()).isEqualTo("1.9");
    JsonNode metrics = json.get("metrics");
    assertThat(metrics).hasSize(2);
    assertThat(metrics.get(0).get("phase").asText()).isEqualTo("NotRun");
    JsonNode rate = metrics.get(1);
    assertThat(rate.get("name").asText()).isEqualTo("error-rate");
    assertThat(rate.get("phase").asText()).isEqualTo("Failed");
    JsonNode ms = rate.get("measurements");
    assertThat(ms).hasSize(3);
    assertThat(ms.get(0).get("instant").asText()).isEqualTo("2026-12-01T10:02:30Z");
    assertThat(ms.get(0).get("value").asText()).isEqualTo("[0.0012]");
    assertThat(ms.get(0).get("phase").asText()).isEqualTo("Successful");
    assertThat(ms.get(2).get("value").isNull()).isTrue();
    assertThat(ms.get(2).get("message").asText()).isEqualTo("bad_data: parse error");
    assertThat(Files.list(dir)).containsExactly(file);
  }

  @Test
  void theTableHasALinePerMeasurement() {
    assertThat(AnalysisReport.table(result()))
        .containsExactly(
            "metric warmup (AnalysisTemplate 'param-kernel-warmup', job): not run here (analyze"
                + " runs Prometheus metrics only); left out of the verdict",
            "metric error-rate (AnalysisTemplate 'param-kernel-canary-health', prometheus): Failed",
            "    #  instant               value     phase",
            "    1  2026-12-01T10:02:30Z  [0.0012]  Successful",
            "    2  2026-12-01T10:03:30Z  [0.05]    Failed",
            "    3  2026-12-01T10:04:30Z  -         Error  bad_data: parse error");
  }

  @Test
  void theSummaryShowsTheVerdictAndEveryMeasurement() {
    String md = AnalysisReport.summary(result());
    assertThat(md)
        .startsWith(
            "### param-kernel analysis\n\n"
                + "**Failed** (replay from 2026-12-01T10:00:00Z, Argo Rollouts 1.9): Metric"
                + " \"error-rate\" assessed Failed due to failed (2) > failureLimit (1)\n\n");
    assertThat(md)
        .contains("#### `warmup`: not run (not run here: job provider, left out of the verdict)");
    assertThat(md).contains("| 2 | 2026-12-01T10:03:30Z | `[0.05]` | Failed |  |\n");
  }

  @Test
  void progressLinesNameTheMetricAndTheMeasurement() {
    assertThat(
            AnalysisReport.progress(
                "error-rate",
                2,
                new Measurement(T, T, "[0.05]", Phase.FAILED, "", false, List.of())))
        .isEqualTo("error-rate #2 at 2026-12-01T10:02:30Z: [0.05] Failed");
  }
}
