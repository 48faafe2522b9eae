package com.kitchencpq.paramkernel.plugin.validate.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kitchencpq.paramkernel.plugin.github.GithubActions;
import com.kitchencpq.paramkernel.plugin.validate.Finding;
import com.kitchencpq.paramkernel.plugin.validate.Severity;
import com.kitchencpq.paramkernel.plugin.validate.ValidationReport;
import com.kitchencpq.paramkernel.plugin.validate.rules.RuleRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output formats are a contract, so these tests look at the exact text. */
class ReportFormatsTest {
  @TempDir Path dir;

  static final ValidationReport REPORT =
      new ValidationReport(
          List.of(
              new Finding(
                  "b.yaml",
                  3,
                  5,
                  Severity.WARNING,
                  "pod.image-pinned",
                  "image 'x:1' is not pinned",
                  "spec.template"),
              new Finding(
                  "a.yaml",
                  10,
                  2,
                  Severity.ERROR,
                  "canary.setweight-range",
                  "setWeight 120 is outside 0..100",
                  "spec.x"),
              new Finding(
                  "a.yaml",
                  2,
                  7,
                  Severity.ERROR,
                  "schema.type",
                  "'replicas' must be an integer",
                  "spec.replicas")),
          5,
          List.of("a.yaml", "b.yaml"));

  @Test
  void textLinesAreSortedAndExact() {
    assertThat(TextReport.lines(REPORT))
        .containsExactly(
            "a.yaml:2:7: error [schema.type] 'replicas' must be an integer",
            "a.yaml:10:2: error [canary.setweight-range] setWeight 120 is outside 0..100",
            "b.yaml:3:5: warning [pod.image-pinned] image 'x:1' is not pinned");
    assertThat(TextReport.summary(REPORT))
        .isEqualTo("Validated 5 documents in 2 files: 2 errors, 1 warning");
    assertThat(TextReport.summary(new ValidationReport(List.of(), 1, List.of("a.yaml"))))
        .isEqualTo("Validated 1 document in 1 file: no findings");
  }

  @Test
  void sarifHasRulesResultsAndRegions() throws Exception {
    Path file = dir.resolve("artifacts/param-kernel/validate.sarif");
    SarifReport.write(REPORT, RuleRegistry.all(), file);
    JsonNode root = new ObjectMapper().readTree(Files.readString(file));
    assertThat(root.get("version").asText()).isEqualTo("2.1.0");
    JsonNode run = root.get("runs").get(0);
    JsonNode rules = run.at("/tool/driver/rules");
    assertThat(rules).hasSize(3);
    assertThat(rules.get(0).get("id").asText()).isEqualTo("canary.setweight-range");
    assertThat(rules.get(0).at("/shortDescription/text").asText())
        .startsWith("setWeight must be between");
    JsonNode first = run.get("results").get(0);
    assertThat(first.get("ruleId").asText()).isEqualTo("schema.type");
    assertThat(first.get("level").asText()).isEqualTo("error");
    assertThat(rules.get(first.get("ruleIndex").asInt()).get("id").asText())
        .isEqualTo("schema.type");
    JsonNode location = first.at("/locations/0/physicalLocation");
    assertThat(location.at("/artifactLocation/uri").asText()).isEqualTo("a.yaml");
    assertThat(location.at("/region/startLine").asInt()).isEqualTo(2);
    assertThat(location.at("/region/startColumn").asInt()).isEqualTo(7);
    assertThat(run.get("results").get(2).get("level").asText()).isEqualTo("warning");
    try (var files = Files.list(file.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("validate.sarif");
    }
  }

  @Test
  void githubAnnotationsCarryFileLineColumnAndRule() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    GithubReport.annotate(
        REPORT,
        new GithubActions(
            Map.of("GITHUB_ACTIONS", "true"), new PrintStream(out, true, StandardCharsets.UTF_8)));
    assertThat(out.toString(StandardCharsets.UTF_8).lines().toList())
        .containsExactly(
            "::error file=a.yaml,line=2,col=7,title=schema.type::'replicas' must be an integer",
            "::error file=a.yaml,line=10,col=2,title=canary.setweight-range::setWeight 120 is"
                + " outside 0..100",
            "::warning file=b.yaml,line=3,col=5,title=pod.image-pinned::image 'x:1' is not pinned");
  }

  @Test
  void formatsParseCaseInsensitively() {
    assertThat(OutputFormat.parse("SARIF")).contains(OutputFormat.SARIF);
    assertThat(OutputFormat.parse("html")).isEmpty();
  }
}
