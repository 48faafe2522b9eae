package com.kitchencpq.paramkernel.plugin.registry;

import java.net.URI;
import java.time.Duration;

/**
 * The first request of a registry lookup, sent before the {@link RegistryManifestClient} that will
 * use it is set up, and handed to it with {@link RegistryManifestClient#adopt}. In a JVM's first
 * resolution most of a request's time is the JDK loading its HTTP (and for https, TLS) classes;
 * started first, on its own thread, that overlaps with setting up the client. This class and what
 * it uses are kept small for the same reason.
 *
 * @param request method and URI, to match the client's first request against
 * @param pending the request under way
 */
public record StartedLookup(String request, RegistryHttp.Pending pending) {

  /** Sends the HEAD the client's {@code digestOf(tag)} will start with, and returns at once. */
  public static StartedLookup start(
      String registry,
      String repository,
      String tag,
      RegistryManifestClient.Options options,
      Duration timeout) {
    URI uri =
        URI.create(
            RegistryNames.firstScheme(registry, options.allowInsecure())
                + "://"
                + registry
                + RegistryNames.manifestPath(repository, tag));
    RegistryHttp.Pending pending =
        new RegistryHttp(options.allowInsecure())
            .start("HEAD", uri, null, RegistryManifestClient.ACCEPT, timeout);
    return new StartedLookup("HEAD " + uri, pending);
  }
}
