package com.kitchencpq.paramkernel.plugin.registry;

import com.kitchencpq.paramkernel.plugin.core.GoalException;
import com.kitchencpq.paramkernel.plugin.core.PropertyNames;

/**
 * {@code paramkernel.image} split into the registry ({@code host[:port]}) and the repository path,
 * with the rules and character classes of jib-core's {@code ImageReference.parse}: the first path
 * component is the registry only when it holds a '.' or ':' or is {@code localhost}; otherwise the
 * image is on Docker Hub ({@code registry-1.docker.io}), where a one-component name gets the {@code
 * library/} prefix, and {@code docker.io} stands for {@code registry-1.docker.io}. {@code
 * ImageNameTest} holds this against jib on a list of valid and invalid names, jib's oddities
 * included, so both accept and split the same names.
 *
 * <p>Why not call jib here: loading {@code ImageReference} and the Guava classes it pulls in took
 * about a third of a cold resolution ({@code docs/digest-benchmark.md}, "HttpURLConnection
 * transport", "Where the old first call spent its time"). jib's reference is still made, from the
 * same text, when credentials have to be looked up. The grammar is checked character by character
 * rather than with jib's regular expression for the same reason: this runs before a JVM's first
 * registry request, where compiling that expression cost about 2 ms (same doc, "Where the time goes
 * in a real mvn run"). In jib's terms: {@code [registry "/"] path}, where a registry is
 * dot-separated labels (letters, digits, inner '-') with an optional {@code :port}, and a path is
 * '/'-separated components of lowercase letters and digits joined by '.', '_', '__' or dashes; the
 * registry part is taken whenever the text before the first '/' is one.
 */
public record ImageName(String registry, String repository) {
  static final String DOCKER_HUB = "registry-1.docker.io";

  /**
   * Parses a repository name without tag or digest.
   *
   * @param image the trimmed value of {@code paramkernel.image}
   * @throws GoalException naming the property when the value is empty, carries a tag or digest, or
   *     is not a valid repository name
   */
  public static ImageName parse(String image) throws GoalException {
    if (image.isEmpty()) {
      throw GoalException.user(
          PropertyNames.IMAGE
              + " is empty; set it to the image repository,"
              + " e.g. ghcr.io/owner/param-kernel-service");
    }
    String last = image.substring(image.lastIndexOf('/') + 1);
    if (last.contains(":") || image.contains("@")) {
      throw GoalException.user(
          PropertyNames.IMAGE
              + " '"
              + image
              + "' carries a tag or digest;"
              + " give the repository only and put tags in "
              + PropertyNames.TAGS);
    }
    int slash = image.indexOf('/');
    String registry;
    String repository;
    if (slash > 0 && isRegistry(image, 0, slash) && isPath(image, slash + 1)) {
      registry = image.substring(0, slash);
      repository = image.substring(slash + 1);
    } else if (isPath(image, 0)) {
      registry = DOCKER_HUB;
      repository = image;
    } else {
      registry = null;
      repository = null;
    }
    if (image.equals("scratch") || registry == null) {
      // jib reads "scratch" as its empty base image, which no registry serves.
      throw GoalException.user(
          PropertyNames.IMAGE
              + " '"
              + image
              + "' is not a valid image"
              + " repository (lowercase letters, digits, '.', '_', '-' and '/', with an optional"
              + " registry host[:port] first)");
    }
    if (!registry.contains(".") && !registry.contains(":") && !registry.equals("localhost")) {
      repository = registry + "/" + repository;
      registry = DOCKER_HUB;
    }
    if (registry.equals(DOCKER_HUB) && repository.indexOf('/') < 0) {
      repository = "library/" + repository;
    }
    if (registry.equals("docker.io")) {
      registry = DOCKER_HUB;
    }
    return new ImageName(registry, repository);
  }

  /** {@code label("." label)*(":" digits)?} in {@code s[from, to)}. */
  private static boolean isRegistry(String s, int from, int to) {
    int colon = s.indexOf(':', from);
    int hostEnd = colon < 0 || colon >= to ? to : colon;
    if (hostEnd < to && !RegistryNames.isDigits(s.substring(hostEnd + 1, to))) {
      return false;
    }
    int labelStart = from;
    for (int i = from; i <= hostEnd; i++) {
      if (i == hostEnd || s.charAt(i) == '.') {
        if (!isLabel(s, labelStart, i)) {
          return false;
        }
        labelStart = i + 1;
      }
    }
    return true;
  }

  /** Letters, digits and '-', neither first nor last. */
  private static boolean isLabel(String s, int from, int to) {
    if (from >= to || s.charAt(from) == '-' || s.charAt(to - 1) == '-') {
      return false;
    }
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (!isLower(c) && !isDigit(c) && !(c >= 'A' && c <= 'Z') && c != '-') {
        return false;
      }
    }
    return true;
  }

  /** '/'-separated path components from {@code from} to the end. */
  private static boolean isPath(String s, int from) {
    int start = from;
    for (int i = from; i <= s.length(); i++) {
      if (i == s.length() || s.charAt(i) == '/') {
        if (!isPathComponent(s, start, i)) {
          return false;
        }
        start = i + 1;
      }
    }
    return true;
  }

  /** Runs of lowercase letters and digits, joined by '.', '_', '__' or one or more '-'. */
  private static boolean isPathComponent(String s, int from, int to) {
    int i = from;
    while (true) {
      int run = i;
      while (i < to && (isLower(s.charAt(i)) || isDigit(s.charAt(i)))) {
        i++;
      }
      if (i == run) {
        return false;
      }
      if (i == to) {
        return true;
      }
      char c = s.charAt(i);
      if (c == '.') {
        i++;
      } else if (c == '_') {
        i += i + 1 < to && s.charAt(i + 1) == '_' ? 2 : 1;
      } else if (c == '-') {
        while (i < to && s.charAt(i) == '-') {
          i++;
        }
      } else {
        return false;
      }
    }
  }

  private static boolean isLower(char c) {
    return c >= 'a' && c <= 'z';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
