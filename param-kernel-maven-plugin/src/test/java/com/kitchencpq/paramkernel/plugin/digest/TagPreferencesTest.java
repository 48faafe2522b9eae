package com.kitchencpq.paramkernel.plugin.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kitchencpq.paramkernel.plugin.core.GoalException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TagPreferencesTest {
  private static final String SHA = "0123456789abcdef0123456789abcdef01234567";
  private static final String OTHER = "fedcba9876543210fedcba9876543210fedcba98";

  @Test
  void defaultIsTheCommitShaThenLatest() throws Exception {
    assertThat(TagPreferences.parse(null, Map.of("GITHUB_SHA", SHA), "p"))
        .containsExactly(SHA, "latest");
  }

  @Test
  void unsetShaIsDroppedNotTriedAsAnEmptyTag() throws Exception {
    assertThat(TagPreferences.parse(null, Map.of(), "p")).containsExactly("latest");
    assertThat(TagPreferences.parse(null, Map.of("GITHUB_SHA", " "), Optional.empty(), "p"))
        .containsExactly("latest");
  }

  @Test
  void withoutGithubShaTheDefaultStartsWithTheGitHeadCommit() throws Exception {
    assertThat(TagPreferences.parse(null, Map.of(), Optional.of(OTHER), "p"))
        .containsExactly(OTHER, "latest");
    assertThat(TagPreferences.fromGitHead(null, Map.of())).isTrue();
  }

  @Test
  void githubShaOrAnExplicitListWinsOverGit() throws Exception {
    assertThat(TagPreferences.parse(null, Map.of("GITHUB_SHA", SHA), Optional.of(OTHER), "p"))
        .containsExactly(SHA, "latest");
    assertThat(TagPreferences.parse("v1,latest", Map.of(), Optional.of(OTHER), "p"))
        .containsExactly("v1", "latest");
    assertThat(TagPreferences.fromGitHead(null, Map.of("GITHUB_SHA", SHA))).isFalse();
    assertThat(TagPreferences.fromGitHead("v1,latest", Map.of())).isFalse();
  }

  @Test
  void emptyEntriesAndBlanksAreDroppedAndDuplicatesCollapse() throws Exception {
    assertThat(TagPreferences.parse(" a , ,b,,a, ", Map.of(), "p")).containsExactly("a", "b");
  }

  /** The distribution spec's tag expression, as the reference for the hand-written check. */
  @Test
  void tagCheckMatchesTheSpecExpression() {
    Pattern spec = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    String alphabet = "aZ09_.-: /";
    Random random = new Random(20261126L);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder tag = new StringBuilder();
      int length = random.nextInt(6);
      for (int i = 0; i < length; i++) {
        tag.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      assertThat(TagPreferences.isTag(tag.toString()))
          .as("'%s'", tag)
          .isEqualTo(spec.matcher(tag).matches());
    }
    for (String tag : List.of("a".repeat(128), "a".repeat(129), "_".repeat(128), SHA)) {
      assertThat(TagPreferences.isTag(tag)).as(tag).isEqualTo(spec.matcher(tag).matches());
    }
  }

  @Test
  void invalidTagsAreRejectedByName() {
    assertThatThrownBy(
            () ->
                TagPreferences.parse(
                    "good,-bad,has space,x".repeat(1), Map.of(), "paramkernel.tags"))
        .isInstanceOf(GoalException.class)
        .hasMessageContaining("paramkernel.tags")
        .hasMessageContaining("'-bad'")
        .hasMessageContaining("'has space'")
        .satisfies(e -> assertThat(((GoalException) e).userFixable()).isTrue());
    assertThatThrownBy(() -> TagPreferences.parse("a".repeat(129), Map.of(), "p"))
        .isInstanceOf(GoalException.class);
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
    assertThat(TagPreferences.strictByDefault(Map.of("GITHUB_REF_NAME", "release/1.2"), "main"))
        .isTrue();
    assertThat(TagPreferences.strictByDefault(Map.of("GITHUB_REF_NAME", "main"), "release/1.2"))
        .isFalse();
    assertThat(TagPreferences.strictByDefault(Map.of(), "release/2026-01")).isTrue();
    assertThat(TagPreferences.strictByDefault(Map.of(), "main")).isFalse();
    assertThat(TagPreferences.strictByDefault(Map.of(), null)).isFalse();
  }
}
