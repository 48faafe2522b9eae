package com.kitchencpq.paramkernel.plugin.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The branch and commit of a git working tree, read from the files under {@code .git} (no git
 * binary, no library). Handles linked worktrees ({@code .git} file with {@code gitdir:}), {@code
 * commondir}, loose and packed refs, and a detached HEAD. Anything unreadable gives "unknown",
 * never an exception: callers use it only for defaults.
 */
public record GitHead(Optional<String> branch, Optional<String> commit) {
  private static final Pattern SHA1 = Pattern.compile("[0-9a-f]{40}");

  /**
   * True for a release branch name ({@code release/<something>}), from git or from {@code
   * GITHUB_REF_NAME}: resolve-digest is strict there and the image goal tags no latest.
   */
  public static boolean isReleaseBranch(String branch) {
    return branch != null && branch.startsWith("release/") && branch.length() > "release/".length();
  }

  public static GitHead unknown() {
    return new GitHead(Optional.empty(), Optional.empty());
  }

  /** Reads the HEAD of the repository that contains {@code dir} (searching upwards). */
  public static GitHead of(Path dir) {
    try {
      Path gitDir = findGitDir(dir == null ? null : dir.toAbsolutePath().normalize());
      if (gitDir == null) {
        return unknown();
      }
      Path common = gitDir;
      Path commondir = gitDir.resolve("commondir");
      if (Files.isRegularFile(commondir)) {
        common =
            gitDir.resolve(Files.readString(commondir, StandardCharsets.UTF_8).trim()).normalize();
      }
      String head = Files.readString(gitDir.resolve("HEAD"), StandardCharsets.UTF_8).trim();
      if (SHA1.matcher(head).matches()) {
        return new GitHead(Optional.empty(), Optional.of(head));
      }
      if (!head.startsWith("ref:")) {
        return unknown();
      }
      String ref = head.substring(4).trim();
      Optional<String> branch =
          ref.startsWith("refs/heads/")
              ? Optional.of(ref.substring("refs/heads/".length()))
              : Optional.empty();
      return new GitHead(branch, resolveRef(gitDir, common, ref));
    } catch (IOException | RuntimeException e) {
      return unknown();
    }
  }

  private static Path findGitDir(Path dir) throws IOException {
    for (Path d = dir; d != null; d = d.getParent()) {
      Path git = d.resolve(".git");
      if (Files.isDirectory(git)) {
        return git;
      }
      if (Files.isRegularFile(git)) {
        String text = Files.readString(git, StandardCharsets.UTF_8).trim();
        if (text.startsWith("gitdir:")) {
          return d.resolve(text.substring("gitdir:".length()).trim()).normalize();
        }
      }
    }
    return null;
  }

  private static Optional<String> resolveRef(Path gitDir, Path common, String ref)
      throws IOException {
    for (Path base : new Path[] {gitDir, common}) {
      Path loose = base.resolve(ref);
      if (Files.isRegularFile(loose)) {
        String sha = Files.readString(loose, StandardCharsets.UTF_8).trim();
        return SHA1.matcher(sha).matches() ? Optional.of(sha) : Optional.empty();
      }
    }
    Path packed = common.resolve("packed-refs");
    if (Files.isRegularFile(packed)) {
      for (String line : Files.readAllLines(packed, StandardCharsets.UTF_8)) {
        String[] parts = line.trim().split(" ");
        if (parts.length == 2 && parts[1].equals(ref) && SHA1.matcher(parts[0]).matches()) {
          return Optional.of(parts[0]);
        }
      }
    }
    return Optional.empty();
  }
}
