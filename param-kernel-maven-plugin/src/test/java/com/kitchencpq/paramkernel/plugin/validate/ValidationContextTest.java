package com.kitchencpq.paramkernel.plugin.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.kitchencpq.paramkernel.plugin.validate.rules.RuleRegistry;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlDocuments;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ValidationContextTest {
  static final String ROLLOUT =
      "apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: {name: r}\nspec: {}\n";
  static final String SVC_A =
      "apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {selector: {app: a}}\n";
  static final String SVC_B =
      "apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {selector: {app: b}}\n";

  private static ValidationContext ctx(SourceText... files) {
    return new ValidationContext(
        List.of(files).stream().map(f -> YamlDocuments.parse(f.path(), f.content())).toList(),
        false);
  }

  @Test
  void referencesPreferTheReferringFile() {
    ValidationContext ctx =
        ctx(new SourceText("1.yaml", SVC_A), new SourceText("2.yaml", ROLLOUT + "---\n" + SVC_B));
    Manifest rollout = ctx.rollouts().get(0).manifest();
    assertThat(ctx.findService(rollout, "s")).get().extracting(Manifest::file).isEqualTo("2.yaml");
  }

  @Test
  void referencesFallBackToOtherFiles() {
    ValidationContext ctx = ctx(new SourceText("1.yaml", ROLLOUT), new SourceText("2.yaml", SVC_A));
    assertThat(ctx.findService(ctx.rollouts().get(0).manifest(), "s"))
        .get()
        .extracting(Manifest::file)
        .isEqualTo("2.yaml");
  }

  @Test
  void namespacesMustAgreeWhenBothAreSet() {
    ValidationContext ctx =
        ctx(
            new SourceText(
                "1.yaml",
                ROLLOUT.replace("{name: r}", "{name: r, namespace: a}")
                    + "---\n"
                    + SVC_A.replace("{name: s}", "{name: s, namespace: b}")));
    assertThat(ctx.findService(ctx.rollouts().get(0).manifest(), "s")).isEmpty();
  }

  @Test
  void anAmbiguousReferrerOnlySeesItsOwnFileForServices() {
    String other = ROLLOUT.replace("spec: {}", "spec: {replicas: 3}");
    ValidationContext ctx =
        ctx(new SourceText("1.yaml", ROLLOUT), new SourceText("2.yaml", other + "---\n" + SVC_A));
    Manifest first = ctx.rollouts().get(0).manifest();
    assertThat(ctx.ambiguous(first)).isTrue();
    assertThat(ctx.findService(first, "s")).isEmpty();
  }

  @Test
  void ruleIdsAreUniqueAndDescribed() {
    Set<String> ids = new HashSet<>();
    for (Rule r : RuleRegistry.all()) {
      assertThat(ids.add(r.id())).as("duplicate id %s", r.id()).isTrue();
      assertThat(r.id()).matches("[a-z]+(\\.[a-z0-9-]+)+");
      assertThat(r.description()).isNotBlank();
    }
  }
}
