package com.kitchencpq.paramkernel.plugin.digest;

import com.kitchencpq.paramkernel.plugin.core.GoalException;
import com.kitchencpq.paramkernel.plugin.core.ReleaseStrictness;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The ordered list of tags to try, and whether only the first one counts (strict mode). Parsing
 * drops empty entries, so {@code ",latest"} (no commit known) is simply {@code latest}, and rejects
 * anything that is not a valid image tag.
 *
 * <p>The default list is the commit, then {@code latest}: the commit is {@code GITHUB_SHA} in CI
 * and, without it, the git HEAD commit of the build's top-level directory, the tag the image goal
 * gives its local layout ({@code image/ImageTags}).
 */
public record TagPreferences(List<String> tags, boolean strict) {
  /** The distribution spec's tag grammar. */
  public TagPreferences {
    tags = List.copyOf(tags);
    if (tags.isEmpty()) {
      throw new IllegalArgumentException("no tags");
    }
  }

  /** The tags that are actually tried: only the first in strict mode. */
  public List<String> candidates() {
    return strict ? tags.subList(0, 1) : tags;
  }

  /**
   * Parses a comma-separated preference list.
   *
   * @param raw the property value, or null for the default
   * @param env the environment ({@code GITHUB_SHA} for the default)
   * @param property the property name, for messages
   */
  public static List<String> parse(String raw, Map<String, String> env, String property)
      throws GoalException {
    return parse(raw, env, Optional.empty(), property);
  }

  /**
   * Parses a comma-separated preference list.
   *
   * @param raw the property value, or null for the default
   * @param env the environment ({@code GITHUB_SHA} for the default)
   * @param gitCommit the git HEAD commit, used only for the default without {@code GITHUB_SHA}
   * @param property the property name, for messages
   */
  public static List<String> parse(
      String raw, Map<String, String> env, Optional<String> gitCommit, String property)
      throws GoalException {
    String value = raw == null ? defaultTags(env, gitCommit) : raw;
    Set<String> tags = new LinkedHashSet<>();
    List<String> bad = new ArrayList<>();
    for (String part : value.split(",", -1)) {
      String tag = part.trim();
      if (tag.isEmpty()) {
        continue;
      }
      if (!isTag(tag)) {
        bad.add("'" + tag + "'");
      } else {
        tags.add(tag);
      }
    }
    if (!bad.isEmpty()) {
      throw GoalException.user(
          property
              + " has invalid tag(s) "
              + String.join(", ", bad)
              + ": a tag is 1 to 128 characters of letters, digits, '_', '.' and '-', not starting"
              + " with '.' or '-'");
    }
    if (tags.isEmpty()) {
      throw GoalException.user(
          property
              + " lists no tag (value '"
              + value
              + "'); set it, e.g. -D"
              + property
              + "=<commit-sha>,latest");
    }
    return List.copyOf(tags);
  }

  /**
   * {@code ${GITHUB_SHA},latest}; without {@code GITHUB_SHA}, the git HEAD commit then {@code
   * latest}; just {@code latest} when neither is known.
   */
  static String defaultTags(Map<String, String> env, Optional<String> gitCommit) {
    if (!fromGitHead(null, env)) {
      return env.getOrDefault("GITHUB_SHA", "").trim() + ",latest";
    }
    return gitCommit.orElse("") + ",latest";
  }

  /**
   * Whether the first tag of the list comes from the local git HEAD: the default list outside CI.
   * No CI job pushed such a tag moments ago, so resolve-digest does not wait for it to become
   * visible ({@code paramkernel.resolve.visibilityRetry}): a local run whose commit was never
   * pushed falls back to {@code latest} at once.
   */
  public static boolean fromGitHead(String raw, Map<String, String> env) {
    return raw == null && env.getOrDefault("GITHUB_SHA", "").isBlank();
  }

  /**
   * The default of strict mode: true on a release branch, taken from {@code GITHUB_REF_NAME} or,
   * outside Actions, from the git branch of the build's top-level directory.
   */
  public static boolean strictByDefault(Map<String, String> env, String gitBranch) {
    return ReleaseStrictness.of(null, env, gitBranch).strict();
  }

  /**
   * The distribution spec's tag, {@code [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}}, checked without a
   * regular expression: this runs before a JVM's first registry request ({@code
   * docs/digest-benchmark.md}, "Reading": about 2 ms with the image-name checks).
   */
  static boolean isTag(String tag) {
    if (tag.isEmpty() || tag.length() > 128 || tag.charAt(0) == '.' || tag.charAt(0) == '-') {
      return false;
    }
    for (int i = 0; i < tag.length(); i++) {
      char c = tag.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '_'
              || c == '.'
              || c == '-';
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
