package com.kitchencpq.paramkernel.plugin.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitHeadTest {
  private static final String SHA = "0123456789abcdef0123456789abcdef01234567";
  @TempDir Path dir;

  @Test
  void readsBranchAndLooseRefFromASubdirectory() throws Exception {
    Files.createDirectories(dir.resolve(".git/refs/heads/release"));
    Files.writeString(dir.resolve(".git/HEAD"), "ref: refs/heads/release/1.0\n");
    Files.writeString(dir.resolve(".git/refs/heads/release/1.0"), SHA + "\n");
    Path sub = Files.createDirectories(dir.resolve("a/b"));
    GitHead head = GitHead.of(sub);
    assertThat(head.branch()).hasValue("release/1.0");
    assertThat(head.commit()).hasValue(SHA);
  }

  @Test
  void readsPackedRefsThroughALinkedWorktree() throws Exception {
    Path main = dir.resolve("main/.git");
    Files.createDirectories(main.resolve("worktrees/wt"));
    Files.writeString(main.resolve("HEAD"), "ref: refs/heads/main\n");
    Files.writeString(
        dir.resolve("main/.git/packed-refs"), "# pack-refs\n" + SHA + " refs/heads/topic\n");
    Files.writeString(main.resolve("worktrees/wt/HEAD"), "ref: refs/heads/topic\n");
    Files.writeString(main.resolve("worktrees/wt/commondir"), "../..\n");
    Path wt = Files.createDirectories(dir.resolve("wt"));
    Files.writeString(wt.resolve(".git"), "gitdir: " + main.resolve("worktrees/wt") + "\n");
    GitHead head = GitHead.of(wt);
    assertThat(head.branch()).hasValue("topic");
    assertThat(head.commit()).hasValue(SHA);
  }

  @Test
  void detachedHeadHasACommitButNoBranch() throws Exception {
    Files.createDirectories(dir.resolve(".git"));
    Files.writeString(dir.resolve(".git/HEAD"), SHA + "\n");
    assertThat(GitHead.of(dir))
        .isEqualTo(new GitHead(java.util.Optional.empty(), java.util.Optional.of(SHA)));
  }

  @Test
  void noRepositoryIsUnknown() {
    assertThat(GitHead.of(dir.resolve("nowhere"))).isEqualTo(GitHead.unknown());
  }

  @Test
  void releaseBranchesAreReleaseSlashSomething() {
    assertThat(GitHead.isReleaseBranch("release/1.2")).isTrue();
    assertThat(GitHead.isReleaseBranch("release/")).isFalse();
    assertThat(GitHead.isReleaseBranch("releases/1")).isFalse();
    assertThat(GitHead.isReleaseBranch("feature/release/1")).isFalse();
    assertThat(GitHead.isReleaseBranch(null)).isFalse();
  }
}
