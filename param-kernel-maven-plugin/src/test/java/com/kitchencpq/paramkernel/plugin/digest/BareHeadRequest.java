package com.kitchencpq.paramkernel.plugin.digest;

import java.net.HttpURLConnection;
import java.net.URI;

/**
 * Not a test: the floor for {@link ResolveDigestBenchmark}'s first-call numbers. One HEAD for a
 * manifest with {@code HttpURLConnection} and nothing else (no tag rules, no retries, no plugin
 * classes), timed like the benchmark's {@code --once}. Argument: the manifest URL. Prints {@code
 * COLD <microseconds> <digest>}. Uses nothing but the JDK, so it runs with only itself on the class
 * path.
 */
public final class BareHeadRequest {
  private BareHeadRequest() {}

  public static void main(String[] args) throws Exception {
    long start = System.nanoTime();
    HttpURLConnection c = (HttpURLConnection) URI.create(args[0]).toURL().openConnection();
    c.setRequestMethod("HEAD");
    c.setInstanceFollowRedirects(false);
    c.setRequestProperty(
        "Accept",
        "application/vnd.oci.image.index.v1+json,"
            + "application/vnd.docker.distribution.manifest.list.v2+json,"
            + "application/vnd.oci.image.manifest.v1+json,"
            + "application/vnd.docker.distribution.manifest.v2+json");
    int status = c.getResponseCode();
    String digest = c.getHeaderField("Docker-Content-Digest");
    c.getInputStream().close();
    long micros = (System.nanoTime() - start) / 1000;
    System.out.println(status == 200 ? "COLD " + micros + " " + digest : "FAILED " + status);
  }
}
