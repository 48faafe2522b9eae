package com.kitchencpq.paramkernel.plugin.digest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code paramkernel.image} split into the registry ({@code host[:port]}) and the repository
 * path, with the rules and character classes of jib-core's {@code ImageReference.parse}:
 * the first path component is the registry only when it holds a '.' or ':' or is
 * {@code localhost}; otherwise the image is on Docker Hub ({@code registry-1.docker.io}),
 * where a one-component name gets the {@code library/} prefix, and {@code docker.io} stands
 * for {@code registry-1.docker.io}. {@code ImageNameTest} holds this against jib on a list of
 * valid and invalid names, jib's oddities included, so both accept and split the same names.
 *
 * <p>Why not call jib here: loading {@code ImageReference} and the Guava classes it pulls in
 * took about a third of a cold resolution (see {@code docs/digest-benchmark.md}). jib's
 * reference is still made, from the same text, when credentials have to be looked up.
 */
public record ImageName(String registry, String repository) {
  static final String DOCKER_HUB = "registry-1.docker.io";

  private static final String REGISTRY_LABEL = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
  private static final String REGISTRY = REGISTRY_LABEL + "(?:\\." + REGISTRY_LABEL + ")*(?::[0-9]+)?";
  private static final String PATH_COMPONENT = "[a-z0-9]+(?:(?:[_.]|__|-+)[a-z0-9]+)*";
  private static final Pattern NAME = Pattern.compile(
      "(?:(" + REGISTRY + ")/)?(" + PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*)");

  /**
   * Parses a repository name without tag or digest.
   *
   * @param image the trimmed value of {@code paramkernel.image}
   * @throws ResolveException naming the property when the value is empty, carries a tag or
   *     digest, or is not a valid repository name
   */
  public static ImageName parse(String image) throws ResolveException {
    if (image.isEmpty()) {
      throw ResolveException.user("paramkernel.image is empty; set it to the image repository,"
          + " e.g. ghcr.io/owner/param-kernel-service");
    }
    String last = image.substring(image.lastIndexOf('/') + 1);
    if (last.contains(":") || image.contains("@")) {
      throw ResolveException.user("paramkernel.image '" + image + "' carries a tag or digest;"
          + " give the repository only and put tags in paramkernel.tags");
    }
    Matcher m = NAME.matcher(image);
    if (image.equals("scratch") || !m.matches()) {
      // jib reads "scratch" as its empty base image, which no registry serves.
      throw ResolveException.user("paramkernel.image '" + image + "' is not a valid image"
          + " repository (lowercase letters, digits, '.', '_', '-' and '/', with an optional"
          + " registry host[:port] first)");
    }
    String registry = m.group(1) == null ? DOCKER_HUB : m.group(1);
    String repository = m.group(2);
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
}
