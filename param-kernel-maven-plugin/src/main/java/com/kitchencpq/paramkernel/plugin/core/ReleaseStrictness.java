package com.kitchencpq.paramkernel.plugin.core;

import java.util.Map;

/**
 * Whether a build runs in strict (release) mode: {@code paramkernel.strict} when set, otherwise
 * true on a release branch ({@link GitHead#isReleaseBranch}), taken from {@code GITHUB_REF_NAME}
 * or, outside Actions, from the git branch of the build's top-level directory. resolve-digest
 * allows no tag fallback in strict mode and render refuses a contingency there.
 *
 * @param strict the outcome
 * @param why for messages: {@code release branch release/1.0} or {@code paramkernel.strict=true}
 */
public record ReleaseStrictness(boolean strict, String why) {

  /**
   * @param explicit the value of {@code paramkernel.strict}, or null when unset
   * @param env the environment ({@code GITHUB_REF_NAME})
   * @param gitBranch the git branch of the build, or null when unknown
   */
  public static ReleaseStrictness of(Boolean explicit, Map<String, String> env, String gitBranch) {
    if (explicit != null) {
      return new ReleaseStrictness(explicit, PropertyNames.STRICT + "=" + explicit);
    }
    String branch = branch(env, gitBranch);
    boolean release = GitHead.isReleaseBranch(branch);
    return new ReleaseStrictness(
        release, release ? "release branch " + branch : "not a release branch");
  }

  /** {@code GITHUB_REF_NAME} when set, else the git branch. */
  static String branch(Map<String, String> env, String gitBranch) {
    String ref = env.getOrDefault("GITHUB_REF_NAME", "").trim();
    return ref.isEmpty() ? gitBranch : ref;
  }
}
