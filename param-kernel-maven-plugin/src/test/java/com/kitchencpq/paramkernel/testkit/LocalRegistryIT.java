package com.kitchencpq.paramkernel.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry test kit against the real binaries: start, copy, read back, auth, stop. */
class LocalRegistryIT {
  @TempDir Path work;

  @Test
  void imageCopiedFromAnOciLayoutReadsBackWithTheSameDigest() {
    TestImages.Image image = TestImages.image("kit self-test", "amd64");
    Path layout = work.resolve("layout");
    TestImages.writeLayout(layout, TestImages.tags("v1", image));
    Skopeo skopeo = Skopeo.create(work);
    Path storage;
    try (LocalRegistry registry = LocalRegistry.start()) {
      storage = registry.directory();
      String ref = registry.hostPort() + "/kit/hello:v1";
      skopeo.copy("oci:" + layout + ":v1", "docker://" + ref, null, null);

      assertThat(skopeo.inspectDigest(ref)).isEqualTo(image.digest());
      assertThat(skopeo.inspectLayoutDigest(layout, "v1")).isEqualTo(image.digest());
    }
    assertThat(storage).doesNotExist();
  }

  @Test
  void htpasswdRegistryRefusesAnonymousReadsAndAcceptsTheRightCredentials() throws Exception {
    TestImages.Image image = TestImages.image("secret image", "amd64");
    Skopeo skopeo = Skopeo.create(work);
    try (LocalRegistry registry = LocalRegistry.startWithBasicAuth("ciuser", "s3cret-pw")) {
      String ref = registry.hostPort() + "/kit/private:v1";
      TestImages.push(registry.hostPort(), "kit/private", image, "ciuser", "s3cret-pw", "v1");

      HttpResponse<Void> anonymous =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(registry.uri("/v2/kit/private/manifests/v1"))
                      .timeout(Duration.ofSeconds(5))
                      .method("HEAD", HttpRequest.BodyPublishers.noBody())
                      .header("Accept", TestImages.OCI_MANIFEST)
                      .build(),
                  HttpResponse.BodyHandlers.discarding());
      assertThat(anonymous.statusCode()).isEqualTo(401);
      assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
          .hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));

      Skopeo.Result noCreds =
          skopeo.runAllowingFailure(
              List.of(
                  "inspect",
                  "--tls-verify=false",
                  "--authfile",
                  work.resolve("skopeo-auth.json").toString(),
                  "docker://" + ref));
      assertThat(noCreds.exitCode()).isNotZero();
      assertThat(noCreds.stderr()).containsIgnoringCase("unauthorized");

      assertThat(skopeo.inspectDigest(ref, "ciuser", "s3cret-pw")).isEqualTo(image.digest());
      Skopeo.Result wrong =
          skopeo.runAllowingFailure(
              List.of(
                  "inspect", "--tls-verify=false", "--creds", "ciuser:wrong", "docker://" + ref));
      assertThat(wrong.exitCode()).isNotZero();
    }
  }

  @Test
  void faultProxyInjectsStatusesAndForwardsEverythingElse() throws Exception {
    TestImages.Image image = TestImages.image("proxied", "amd64");
    try (LocalRegistry registry = LocalRegistry.start();
        FaultProxy proxy = FaultProxy.inFrontOf(registry)) {
      TestImages.push(registry.hostPort(), "kit/p", image, null, null, "v1");
      proxy.times(1, "/manifests/", FaultProxy.Fault.tooManyRequests(2));
      HttpClient client = HttpClient.newHttpClient();
      HttpRequest head =
          HttpRequest.newBuilder(
                  java.net.URI.create("http://" + proxy.hostPort() + "/v2/kit/p/manifests/v1"))
              .timeout(Duration.ofSeconds(5))
              .method("HEAD", HttpRequest.BodyPublishers.noBody())
              .header("Accept", TestImages.OCI_MANIFEST)
              .build();

      HttpResponse<Void> first = client.send(head, HttpResponse.BodyHandlers.discarding());
      HttpResponse<Void> second = client.send(head, HttpResponse.BodyHandlers.discarding());

      assertThat(first.statusCode()).isEqualTo(429);
      assertThat(first.headers().firstValue("Retry-After")).hasValue("2");
      assertThat(second.statusCode()).isEqualTo(200);
      assertThat(second.headers().firstValue("Docker-Content-Digest")).hasValue(image.digest());
      assertThat(proxy.exchanges("/manifests/"))
          .extracting(FaultProxy.Exchange::status)
          .containsExactly(429, 200);
    }
  }

  @Test
  void missingBinaryNamesTheDebianPackage() {
    String old = System.getProperty("paramkernel.test.bin");
    System.setProperty("paramkernel.test.bin", work.toString());
    try {
      org.assertj.core.api.Assertions.assertThatThrownBy(LocalRegistry::start)
          .hasMessageContaining("apt-get install docker-registry");
    } finally {
      if (old == null) {
        System.clearProperty("paramkernel.test.bin");
      } else {
        System.setProperty("paramkernel.test.bin", old);
      }
    }
    assertThat(Files.exists(work)).isTrue();
  }
}
