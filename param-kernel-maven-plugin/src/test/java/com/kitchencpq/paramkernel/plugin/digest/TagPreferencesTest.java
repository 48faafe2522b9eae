package com.kitchencpq.paramkernel.plugin.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TagPreferencesTest {
  private static final String SHA = "0123456789abcdef0123456789abcdef01234567";

  @Test
  void defaultIsTheCommitShaThenLatest() throws Exception {
    assertThat(TagPreferences.parse(null, Map.of("GITHUB_SHA", SHA), "p")).containsExactly(SHA, "latest");
  }

  @Test
  void unsetShaIsDroppedNotTriedAsAnEmptyTag() throws Exception {
    assertThat(TagPreferences.parse(null, Map.of(), "p")).containsExactly("latest");
  }

  @Test
  void emptyEntriesAndBlanksAreDroppedAndDuplicatesCollapse() throws Exception {
    assertThat(TagPreferences.parse(" a , ,b,,a, ", Map.of(), "p")).containsExactly("a", "b");
  }

  @Test
  void invalidTagsAreRejectedByName() {
    assertThatThrownBy(() -> TagPreferences.parse("good,-bad,has space,x".repeat(1), Map.of(), "paramkernel.tags"))
        .isInstanceOf(ResolveException.class)
        .hasMessageContaining("paramkernel.tags")
        .hasMessageContaining("'-bad'")
        .hasMessageContaining("'has space'")
        .satisfies(e -> assertThat(((ResolveException) e).userFixable()).isTrue());
    assertThatThrownBy(() -> TagPreferences.parse("a".repeat(129), Map.of(), "p"))
        .isInstanceOf(ResolveException.class);
  }

  @Test
  void aListWithNothingInItIsAnError() {
    assertThatThrownBy(() -> TagPreferences.parse(" , ", Map.of(), "paramkernel.tags"))
        .hasMessageContaining("lists no tag");
  }

  @Test
  void strictModeKeepsOnlyTheFirstTag() {
    assertThat(new TagPreferences(List.of("a", "b"), true).candidates()).containsExactly("a");
    assertThat(new TagPreferences(List.of("a", "b"), false).candidates()).containsExactly("a", "b");
  }

  @Test
  void strictByDefaultOnReleaseBranchesFromActionsOrGit() {
    assertThat(TagPreferences.strictByDefault(Map.of("GITHUB_REF_NAME", "release/1.2"), "main")).isTrue();
    assertThat(TagPreferences.strictByDefault(Map.of("GITHUB_REF_NAME", "main"), "release/1.2")).isFalse();
    assertThat(TagPreferences.strictByDefault(Map.of(), "release/2026-01")).isTrue();
    assertThat(TagPreferences.strictByDefault(Map.of(), "main")).isFalse();
    assertThat(TagPreferences.strictByDefault(Map.of(), null)).isFalse();
    assertThat(TagPreferences.isReleaseBranch("release/")).isFalse();
    assertThat(TagPreferences.isReleaseBranch("releases/1")).isFalse();
    assertThat(TagPreferences.isReleaseBranch("feature/release/1")).isFalse();
  }
}
