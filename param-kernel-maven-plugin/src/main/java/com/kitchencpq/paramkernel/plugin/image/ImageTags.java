package com.kitchencpq.paramkernel.plugin.image;

import com.kitchencpq.paramkernel.plugin.core.GitHead;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which tags an image gets. The local layout always carries the commit SHA (when known) and {@code
 * latest}, so resolve-digest's default preference list works against it. A push carries the SHA,
 * and {@code latest} only from the default branch and never from a release branch.
 */
public final class ImageTags {
  private ImageTags() {}

  /** The commit: {@code GITHUB_SHA}, else the git HEAD of the top-level directory. */
  public static Optional<String> commit(Map<String, String> env, GitHead git) {
    String sha = env.getOrDefault("GITHUB_SHA", "").trim().toLowerCase(Locale.ROOT);
    if (sha.matches("[0-9a-f]{7,64}")) {
      return Optional.of(sha);
    }
    return git.commit();
  }

  /** The branch: {@code GITHUB_REF_NAME} (for branch builds), else git's. */
  public static Optional<String> branch(Map<String, String> env, GitHead git) {
    String ref = env.getOrDefault("GITHUB_REF_NAME", "").trim();
    if (!ref.isEmpty() && !"tag".equals(env.getOrDefault("GITHUB_REF_TYPE", "branch"))) {
      return Optional.of(ref);
    }
    return git.branch();
  }

  /** Tags of the local OCI layout: SHA (if known) and latest. */
  public static List<String> layoutTags(Optional<String> commit) {
    List<String> tags = new ArrayList<>();
    commit.ifPresent(tags::add);
    tags.add("latest");
    return tags;
  }

  /**
   * Tags of a push.
   *
   * @param latestPolicy {@code auto} (default branch only), {@code true} or {@code false}
   */
  public static List<String> pushTags(
      Optional<String> commit, Optional<String> branch, String defaultBranch, String latestPolicy) {
    List<String> tags = new ArrayList<>();
    commit.ifPresent(tags::add);
    boolean release = branch.map(GitHead::isReleaseBranch).orElse(false);
    boolean latest =
        switch (latestPolicy == null ? "auto" : latestPolicy.trim().toLowerCase(Locale.ROOT)) {
          case "true" -> !release;
          case "false" -> false;
          default -> branch.map(b -> b.equals(defaultBranch)).orElse(false) && !release;
        };
    if (latest) {
      tags.add("latest");
    }
    return tags;
  }
}
