package com.kitchencpq.paramkernel.plugin.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kitchencpq.paramkernel.plugin.validate.rules.plan.P95Contingency;
import com.kitchencpq.paramkernel.plugin.validate.rules.plan.RolloutPlan;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contingency edit on the shipped template and on variants of it. */
class ContingencyEditTest {
  static final P95Contingency WIDENED =
      new P95Contingency(
          new BigDecimal("0.08"),
          "INC-4711 noisy first canary, it's transient",
          LocalDate.parse("2026-12-20"));
  static final String ANNOTATION_LINE =
      "    param-kernel.kitchen-cpq/contingency: "
          + "'{\"p95FailureSeconds\":0.08,\"until\":\"2026-12-20\","
          + "\"reason\":\"INC-4711 noisy first canary, it''s transient\"}'";
  static final String PLAN_BOUND_LINE =
      "      failureCondition: len(result) > 0" + " && !isNaN(result[0]) && result[0] > 0.060";
  static final String WIDE_BOUND_LINE =
      "      failureCondition: len(result) > 0" + " && !isNaN(result[0]) && result[0] > 0.08";

  private final ContingencyEdit edit = new ContingencyEdit(RolloutPlan.PARAM_KERNEL);

  /** The shipped template, rendered as render writes it without a contingency. */
  static String renderedWithout() throws Exception {
    return new TemplateRenderer()
        .render(Template.embeddedDefault(), TemplateRendererTest.DIGEST, List.of())
        .text();
  }

  /** One line of a diff: '-' or '+', the 1-based line number in the old or new text, the text. */
  record Change(char kind, int line, String text) {}

  /** A line diff (longest common subsequence): removed lines by old number, added by new. */
  static List<Change> diff(String before, String after) {
    String[] a = before.split("\n", -1);
    String[] b = after.split("\n", -1);
    int[][] common = new int[a.length + 1][b.length + 1];
    for (int i = a.length - 1; i >= 0; i--) {
      for (int j = b.length - 1; j >= 0; j--) {
        common[i][j] =
            a[i].equals(b[j])
                ? common[i + 1][j + 1] + 1
                : Math.max(common[i + 1][j], common[i][j + 1]);
      }
    }
    List<Change> out = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < a.length || j < b.length) {
      if (i < a.length && j < b.length && a[i].equals(b[j])) {
        i++;
        j++;
      } else if (j < b.length && (i == a.length || common[i][j + 1] > common[i + 1][j])) {
        out.add(new Change('+', j + 1, b[j]));
        j++;
      } else {
        out.add(new Change('-', i + 1, a[i]));
        i++;
      }
    }
    return out;
  }

  private static int lineOf(String text, String line) {
    List<String> lines = Arrays.asList(text.split("\n", -1));
    assertThat(lines).containsOnlyOnce(line);
    return lines.indexOf(line) + 1;
  }

  @Test
  void changesTheOneBoundAndAddsTheAnnotationAndNothingElse() throws Exception {
    String without = renderedWithout();
    ContingencyEdit.Result r = edit.apply("rollout.yaml", without, WIDENED);

    int name = lineOf(without, "  name: param-kernel-canary-health");
    int bound = lineOf(without, PLAN_BOUND_LINE);
    assertThat(diff(without, r.text()))
        .containsExactly(
            new Change('+', name + 1, "  annotations:"),
            new Change('+', name + 2, ANNOTATION_LINE),
            new Change('-', bound, PLAN_BOUND_LINE),
            new Change('+', bound + 2, WIDE_BOUND_LINE));
    // the same as a character-level statement: two insertions, one replaced literal
    String expected =
        without
            .replace(
                "  name: param-kernel-canary-health\n",
                "  name: param-kernel-canary-health\n  annotations:\n" + ANNOTATION_LINE + "\n")
            .replace(PLAN_BOUND_LINE + "\n", WIDE_BOUND_LINE + "\n");
    assertThat(r.text()).isEqualTo(expected);
    assertThat(r.previousBound()).isEqualTo("0.060");
    assertThat(r.boundLine()).isEqualTo(bound + 2);
    assertThat(r.annotationLine()).isEqualTo(name + 2);
    // lines above the annotation stay, lines below it move down by the two inserted lines
    assertThat(r.insertedLines()).isEqualTo(2);
    assertThat(r.editedLine(name)).isEqualTo(name);
    assertThat(r.editedLine(name + 1)).isEqualTo(name + 3);
    assertThat(r.editedLine(bound)).isEqualTo(bound + 2);
    // the error-rate metric's failure bound and the ratio metric's are untouched
    assertThat(r.text()).contains("result[0] > 0.03\n").contains("result[0] > 1.8\n");
  }

  @Test
  void keepsCrLfLineEndingsAndCountsCharactersBeyondTheBasicPlane() throws Exception {
    String without =
        ("# \uD83D\uDE80 rocket in a comment before everything\n" + renderedWithout())
            .replace("\n", "\r\n");
    ContingencyEdit.Result r = edit.apply("rollout.yaml", without, WIDENED);

    assertThat(r.text().replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
    String expected =
        without
            .replace(
                "  name: param-kernel-canary-health\r\n",
                "  name: param-kernel-canary-health\r\n  annotations:\r\n"
                    + ANNOTATION_LINE
                    + "\r\n")
            .replace(PLAN_BOUND_LINE + "\r\n", WIDE_BOUND_LINE + "\r\n");
    assertThat(r.text()).isEqualTo(expected);
  }

  @Test
  void addsToExistingAnnotationsAsTheirFirstEntry() throws Exception {
    String without =
        renderedWithout()
            .replace(
                "  name: param-kernel-canary-health\n",
                "  name: param-kernel-canary-health\n  annotations:\n    team: cpq # owner\n");
    ContingencyEdit.Result r = edit.apply("rollout.yaml", without, WIDENED);

    assertThat(r.text())
        .isEqualTo(
            without
                .replace(
                    "  annotations:\n    team: cpq # owner\n",
                    "  annotations:\n" + ANNOTATION_LINE + "\n    team: cpq # owner\n")
                .replace(PLAN_BOUND_LINE + "\n", WIDE_BOUND_LINE + "\n"));
  }

  @Test
  void editsAQuotedConditionInsideTheQuotes() throws Exception {
    String quoted =
        "      failureCondition: \"len(result) > 0 && !isNaN(result[0])"
            + " && result[0] > 0.060\"";
    String without = renderedWithout().replace(PLAN_BOUND_LINE, quoted);
    String text = edit.apply("rollout.yaml", without, WIDENED).text();
    assertThat(text).contains("&& result[0] > 0.08\"\n");
  }

  @Test
  void refusesWhatItCannotEditInPlace() throws Exception {
    String without = renderedWithout();
    String folded =
        without.replace(
            PLAN_BOUND_LINE,
            "      failureCondition: >-\n        len(result) > 0 && !isNaN(result[0])"
                + " && result[0] > 0.060");
    assertThatThrownBy(() -> edit.apply("rollout.yaml", folded, WIDENED))
        .isInstanceOf(RenderException.class)
        .hasMessageContaining(
            "rollout.yaml:" + (lineOf(folded, "      failureCondition: >-")) + ":")
        .hasMessageContaining("paramkernel.contingency.p95Failure")
        .hasMessageContaining("write it on one line");

    String already =
        without.replace(
            "  name: param-kernel-canary-health\n",
            "  name: param-kernel-canary-health\n  annotations:\n    "
                + P95Contingency.ANNOTATION
                + ": x\n");
    assertThatThrownBy(() -> edit.apply("rollout.yaml", already, WIDENED))
        .hasMessageContaining("already carries " + P95Contingency.ANNOTATION);

    String block =
        "metadata:\n"
            + "  name: param-kernel-canary-health\n"
            + "  namespace: kitchen-cpq\n"
            + "  labels:\n"
            + "    app.kubernetes.io/name: param-kernel-service\n"
            + "    app.kubernetes.io/part-of: kitchen-cpq\n"
            + "spec:\n"
            + "  args:\n"
            + "    - name: service-name\n"
            + "    - name: namespace\n"
            + "    - name: latest-hash";
    assertThat(without).containsOnlyOnce(block);
    String flow =
        without.replace(
            block,
            "metadata: {name: param-kernel-canary-health}\n"
                + "spec:\n"
                + "  args:\n"
                + "    - name: service-name\n"
                + "    - name: namespace\n"
                + "    - name: latest-hash");
    assertThatThrownBy(() -> edit.apply("rollout.yaml", flow, WIDENED))
        .isInstanceOf(RenderException.class)
        .hasMessageContaining("block mapping");

    String noMetric = without.replace("- name: latency-p95\n", "- name: latency-p95-renamed\n");
    assertThatThrownBy(() -> edit.apply("rollout.yaml", noMetric, WIDENED))
        .hasMessageContaining("has no metric latency-p95");

    String noTemplate =
        without
            .replace("name: param-kernel-canary-health", "name: other-health")
            .replace("templateName: param-kernel-canary-health", "templateName: other-health");
    assertThatThrownBy(() -> edit.apply("rollout.yaml", noTemplate, WIDENED))
        .hasMessageContaining("has no AnalysisTemplate named param-kernel-canary-health");

    String argBound =
        without.replace(
            PLAN_BOUND_LINE,
            "      failureCondition: len(result) > 0 && result[0] > {{args.p95-fail}}");
    assertThatThrownBy(() -> edit.apply("rollout.yaml", argBound, WIDENED))
        .hasMessageContaining("exactly one bound");
  }
}
