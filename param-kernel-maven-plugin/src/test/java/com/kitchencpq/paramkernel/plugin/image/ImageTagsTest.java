package com.kitchencpq.paramkernel.plugin.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.kitchencpq.paramkernel.plugin.core.GitHead;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImageTagsTest {
  private static final String SHA = "0123456789abcdef0123456789abcdef01234567";
  private static final Optional<String> COMMIT = Optional.of(SHA);

  @Test
  void commitComesFromGithubShaThenGit() {
    GitHead git = new GitHead(Optional.of("main"), Optional.of("f".repeat(40)));
    assertThat(ImageTags.commit(Map.of("GITHUB_SHA", SHA), git)).hasValue(SHA);
    assertThat(ImageTags.commit(Map.of(), git)).hasValue("f".repeat(40));
    assertThat(ImageTags.commit(Map.of("GITHUB_SHA", "not a sha"), GitHead.unknown())).isEmpty();
  }

  @Test
  void layoutAlwaysHasLatestAndTheShaWhenKnown() {
    assertThat(ImageTags.layoutTags(COMMIT)).containsExactly(SHA, "latest");
    assertThat(ImageTags.layoutTags(Optional.empty())).containsExactly("latest");
  }

  @Test
  void pushTagsLatestOnlyFromTheDefaultBranchAndNeverFromARelease() {
    assertThat(ImageTags.pushTags(COMMIT, Optional.of("main"), "main", "auto"))
        .containsExactly(SHA, "latest");
    assertThat(ImageTags.pushTags(COMMIT, Optional.of("feature/x"), "main", "auto"))
        .containsExactly(SHA);
    assertThat(ImageTags.pushTags(COMMIT, Optional.of("release/1.0"), "main", "auto"))
        .containsExactly(SHA);
    assertThat(ImageTags.pushTags(COMMIT, Optional.of("release/1.0"), "main", "true"))
        .containsExactly(SHA);
    assertThat(ImageTags.pushTags(COMMIT, Optional.of("feature/x"), "main", "true"))
        .containsExactly(SHA, "latest");
    assertThat(ImageTags.pushTags(COMMIT, Optional.of("main"), "main", "false"))
        .containsExactly(SHA);
    assertThat(ImageTags.pushTags(COMMIT, Optional.empty(), "main", "auto")).containsExactly(SHA);
  }

  @Test
  void branchFromActionsIgnoresTagRefs() {
    GitHead git = new GitHead(Optional.of("main"), Optional.empty());
    assertThat(ImageTags.branch(Map.of("GITHUB_REF_NAME", "release/2"), git)).hasValue("release/2");
    assertThat(ImageTags.branch(Map.of("GITHUB_REF_NAME", "v1.0", "GITHUB_REF_TYPE", "tag"), git))
        .hasValue("main");
  }
}
