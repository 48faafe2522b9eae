package com.kitchencpq.paramkernel.plugin.validate.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import com.kitchencpq.paramkernel.plugin.validate.Finding;
import com.kitchencpq.paramkernel.plugin.validate.SourceText;
import com.kitchencpq.paramkernel.plugin.validate.ValidationOptions;
import com.kitchencpq.paramkernel.plugin.validate.Validator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class YamlDocumentsTest {

  @Test
  void keepsPositionsAndPathsOfEveryDocument() {
    YamlDocuments.Parsed parsed =
        YamlDocuments.parse(
            "a.yaml",
            """
            kind: Service
            ---
            # comment only
            ---
            kind: Rollout
            spec:
              strategy:
                canary:
                  steps:
                  - setWeight: 20
                  - pause: {duration: 10s}
            """);
    assertThat(parsed.errors()).isEmpty();
    assertThat(parsed.documents()).hasSize(2);
    YamlNode rollout = parsed.documents().get(1).root();
    YamlNode duration =
        rollout.at("spec", "strategy", "canary", "steps").items().get(1).at("pause", "duration");
    assertThat(duration.path()).isEqualTo("spec.strategy.canary.steps[1].pause.duration");
    assertThat(duration.line()).isEqualTo(11);
    assertThat(duration.column()).isEqualTo(27);
    assertThat(duration.text()).isEqualTo("10s");
    YamlNode weight =
        rollout.at("spec", "strategy", "canary", "steps").items().get(0).get("setWeight");
    assertThat(weight.scalarType()).isEqualTo(YamlNode.ScalarType.INT);
    assertThat(weight.longValue()).hasValue(20);
  }

  @Test
  void missingChildKeepsParentPosition() {
    YamlNode root = YamlDocuments.parse("a.yaml", "a:\n  b: 1\n").documents().get(0).root();
    YamlNode missing = root.at("a", "c", "d");
    assertThat(missing.isMissing()).isTrue();
    assertThat(missing.path()).isEqualTo("a.c.d");
    assertThat(missing.line()).isEqualTo(2);
  }

  @Test
  void syntaxErrorIsDataWithPosition() {
    YamlDocuments.Parsed parsed = YamlDocuments.parse("bad.yaml", "a: 1\n---\nb: [1, 2\nc: 3\n");
    assertThat(parsed.documents()).hasSize(1);
    assertThat(parsed.errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.line()).isGreaterThanOrEqualTo(3);
              assertThat(e.message()).startsWith("YAML syntax error:");
            });
  }

  @Test
  void intOrStringFollowsKubernetes() {
    YamlNode root =
        YamlDocuments.parse("a.yaml", "a: 3\nb: \"4\"\nc: 25%\n").documents().get(0).root();
    assertThat(root.get("a").intOrStringValue()).hasValue(3);
    assertThat(root.get("b").intOrStringValue()).hasValue(4);
    assertThat(root.get("c").intOrStringValue()).hasValue(0);
    assertThat(root.get("d").intOrStringValue()).isEmpty();
  }

  /**
   * The alias bomb that kept validate busy for more than five minutes; refused like render refuses
   * it.
   */
  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void validateRefusesTheAliasBombAtOnce() {
    String bomb =
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: lol\ndata:\n"
            + com.kitchencpq.paramkernel.plugin.core.YamlLimitsTest.ALIAS_BOMB.indent(2);
    List<Finding> findings =
        new Validator()
            .validateSources(
                List.of(new SourceText("bomb.yaml", bomb)), ValidationOptions.of(false))
            .findings();
    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.ruleId()).isEqualTo("yaml.syntax");
              assertThat(f.line()).isEqualTo(12);
              assertThat(f.message())
                  .contains("Number of aliases for non-scalar nodes exceeds the specified max=50");
            });
  }

  /** A nesting-depth error points at the line where the document got too deep, not at 1:1. */
  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void deepNestingIsReportedWhereItHappens() {
    YamlDocuments.Parsed parsed =
        YamlDocuments.parse(
            "deep.yaml", com.kitchencpq.paramkernel.plugin.core.YamlLimitsTest.deepNesting());
    assertThat(parsed.errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.line()).isGreaterThan(40);
              assertThat(e.message()).contains("Nesting Depth exceeded max 50").contains("refused");
            });
  }
}
