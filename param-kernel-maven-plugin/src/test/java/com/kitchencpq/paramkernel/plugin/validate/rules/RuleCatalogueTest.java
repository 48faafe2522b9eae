package com.kitchencpq.paramkernel.plugin.validate.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kitchencpq.paramkernel.plugin.validate.Rule;
import com.kitchencpq.paramkernel.plugin.validate.RuleDoc;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/rule-catalogue.md} holds, between its generated-part markers, exactly what {@link
 * RuleCatalogue#markdown()} writes from the rules' {@code doc()}. Run with {@code
 * -Drule-catalogue.write=true} to rewrite the file instead of failing.
 */
class RuleCatalogueTest {
  static final Path CATALOGUE = Path.of("docs/rule-catalogue.md");
  static final String WRITE_PROPERTY = "rule-catalogue.write";
  static final String REGENERATE =
      "mvn -B -q -pl param-kernel-maven-plugin test"
          + " -Dtest=RuleCatalogueTest -D"
          + WRITE_PROPERTY
          + "=true";

  @Test
  void committedCatalogueIsWhatTheRulesSay() throws Exception {
    String committed = Files.readString(CATALOGUE, StandardCharsets.UTF_8);
    String expected = RuleCatalogue.replaceGenerated(committed, RuleCatalogue.markdown());
    if (Boolean.getBoolean(WRITE_PROPERTY)) {
      if (!expected.equals(committed)) {
        Files.writeString(CATALOGUE, expected, StandardCharsets.UTF_8);
      }
      return;
    }
    assertThat(committed)
        .as(
            "param-kernel-maven-plugin/%s differs from the rules' doc(); regenerate it from the"
                + " repository root with:%n  %s%n",
            CATALOGUE, REGENERATE)
        .isEqualTo(expected);
  }

  @Test
  void everyRuleSaysWhatItChecksWhereItComesFromAndHowToFixIt() {
    List<String> missing = new ArrayList<>();
    for (Rule rule : RuleRegistry.all()) {
      RuleDoc doc = rule.doc();
      if (doc.checks().isBlank() || doc.upstream().isBlank() || doc.fix().isBlank()) {
        missing.add(
            rule.getClass().getName()
                + " ("
                + rule.id()
                + "): doc() needs upstream,"
                + " checks and fix");
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void theCatalogueNamesTheCommandThatRegeneratesIt() throws Exception {
    assertThat(Files.readString(CATALOGUE, StandardCharsets.UTF_8)).contains(REGENERATE);
  }

  @Test
  void aRuleWithAnUnlistedPrefixIsRefusedByName() {
    Rule stray =
        new BaseRule("nowhere.stray", "a rule outside every section") {
          @Override
          public RuleDoc doc() {
            return RuleDoc.warning("ours", "nothing").fix("nothing");
          }

          @Override
          public void check(
              com.kitchencpq.paramkernel.plugin.validate.ValidationContext ctx,
              com.kitchencpq.paramkernel.plugin.validate.FindingSink out) {}
        };
    assertThatThrownBy(() -> RuleCatalogue.markdown(List.of(stray)))
        .hasMessageContaining("nowhere.stray")
        .hasMessageContaining("RuleCatalogue.PREFIXES");
  }

  @Test
  void onlyTheGeneratedPartIsReplaced() {
    String doc =
        "# head\n\n" + RuleCatalogue.BEGIN + "\nold\n" + RuleCatalogue.END + "\n\n## tail\n";
    assertThat(RuleCatalogue.replaceGenerated(doc, "NEW\n"))
        .isEqualTo("# head\n\nNEW\n\n## tail\n");
    assertThatThrownBy(() -> RuleCatalogue.replaceGenerated("# no markers\n", "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
