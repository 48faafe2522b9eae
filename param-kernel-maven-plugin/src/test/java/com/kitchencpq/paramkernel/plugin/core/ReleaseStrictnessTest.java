package com.kitchencpq.paramkernel.plugin.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.kitchencpq.paramkernel.plugin.digest.TagPreferences;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReleaseStrictnessTest {
  @Test
  void explicitPropertyWinsThenGithubRefThenGitBranch() {
    assertThat(ReleaseStrictness.of(false, Map.of("GITHUB_REF_NAME", "release/1.0"), null))
        .isEqualTo(new ReleaseStrictness(false, "paramkernel.strict=false"));
    assertThat(ReleaseStrictness.of(null, Map.of("GITHUB_REF_NAME", "release/1.0"), "main"))
        .isEqualTo(new ReleaseStrictness(true, "release branch release/1.0"));
    assertThat(
            ReleaseStrictness.of(null, Map.of("GITHUB_REF_NAME", "main"), "release/1.0").strict())
        .isFalse();
    assertThat(ReleaseStrictness.of(null, Map.of(), "release/1.0").strict()).isTrue();
    assertThat(ReleaseStrictness.of(null, Map.of(), "release/").strict()).isFalse();
    assertThat(ReleaseStrictness.of(null, Map.of(), null).strict()).isFalse();
  }

  @Test
  void resolveDigestUsesTheSameRule() {
    assertThat(TagPreferences.strictByDefault(Map.of("GITHUB_REF_NAME", "release/1.0"), "main"))
        .isTrue();
    assertThat(TagPreferences.strictByDefault(Map.of(), "release/9")).isTrue();
    assertThat(TagPreferences.strictByDefault(Map.of(), "main")).isFalse();
  }
}
