package com.kitchencpq.paramkernel.plugin.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.kitchencpq.paramkernel.plugin.core.GoalException;
import com.kitchencpq.paramkernel.plugin.core.Log;
import com.kitchencpq.paramkernel.plugin.registry.CredentialLookup;
import com.kitchencpq.paramkernel.plugin.registry.ImageName;
import com.kitchencpq.paramkernel.plugin.registry.RegistryManifestClient;
import com.kitchencpq.paramkernel.plugin.registry.RetryBudget;
import com.kitchencpq.paramkernel.plugin.registry.StartedLookup;
import com.kitchencpq.paramkernel.testkit.FaultProxy;
import com.kitchencpq.paramkernel.testkit.FaultProxy.Fault;
import com.kitchencpq.paramkernel.testkit.FreePorts;
import com.kitchencpq.paramkernel.testkit.LocalRegistry;
import com.kitchencpq.paramkernel.testkit.Skopeo;
import com.kitchencpq.paramkernel.testkit.TestImages;
import java.io.IOException;
import java.io.InputStream;
import java.net.Authenticator;
import java.net.InetAddress;
import java.net.PasswordAuthentication;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * resolve-digest's core against real docker-registry processes (plain, htpasswd, https with a
 * self-signed certificate, behind a fault proxy).
 */
class ResolveDigestIT {
  private static final String SHA = "0123456789abcdef0123456789abcdef01234567";
  private static final String OTHER_SHA = "fedcba9876543210fedcba9876543210fedcba98";
  private static final String USER = "ciuser";
  private static final String PASSWORD = "Pk-s3cret-Pa55word";

  private static LocalRegistry plain;
  private static LocalRegistry secured;
  private static TestImages.Image shaImage;
  private static TestImages.Image latestImage;

  @TempDir Path work;
  private final List<String> log = new ArrayList<>();

  @BeforeAll
  static void startRegistries() {
    plain = LocalRegistry.start();
    secured = LocalRegistry.startWithBasicAuth(USER, PASSWORD);
    shaImage = TestImages.image("built from " + SHA, "amd64");
    latestImage = TestImages.image("latest build", "amd64");
    TestImages.push(plain.hostPort(), "kitchen-cpq/app", shaImage, null, null, SHA);
    TestImages.push(plain.hostPort(), "kitchen-cpq/app", latestImage, null, null, "latest");
    TestImages.push(
        secured.hostPort(), "kitchen-cpq/private", shaImage, USER, PASSWORD, SHA, "latest");
  }

  @AfterAll
  static void stopRegistries() {
    if (plain != null) {
      plain.close();
    }
    if (secured != null) {
      secured.close();
    }
  }

  @BeforeEach
  void clearLog() {
    log.clear();
  }

  private Resolution resolve(
      String image,
      Map<String, String> env,
      Boolean strict,
      Duration timeout,
      Duration visibility,
      boolean insecure)
      throws Exception {
    DigestResolver resolver =
        new DigestResolver(
            new Log() {
              @Override
              public void info(String message) {}

              @Override
              public void warn(String message) {
                log.add("WARN " + message);
              }

              @Override
              public void debug(String message) {
                log.add("DEBUG " + message);
              }
            });
    return resolver.resolve(
        new DigestResolver.Request(
            image,
            null,
            strict,
            null,
            null,
            false,
            insecure,
            false,
            timeout,
            visibility,
            Duration.ofSeconds(5),
            ids -> Optional.empty(),
            env,
            null,
            work));
  }

  private Resolution resolve(String image, Map<String, String> env) throws Exception {
    return resolve(image, env, null, Duration.ofSeconds(15), Duration.ZERO, true);
  }

  @Test
  void commitTagPresentResolvesWithoutFallback() throws Exception {
    Resolution r = resolve(plain.hostPort() + "/kitchen-cpq/app", Map.of("GITHUB_SHA", SHA));
    assertThat(r.tag()).isEqualTo(SHA);
    assertThat(r.fallback()).isFalse();
    assertThat(r.source()).isEqualTo(Resolution.Source.REGISTRY);
    assertThat(r.digest())
        .isEqualTo(shaImage.digest())
        .isEqualTo(Skopeo.create(work).inspectDigest(plain.hostPort() + "/kitchen-cpq/app:" + SHA));
  }

  @Test
  void theFirstRequestStartedBeforeTheClientIsTheOneItUses() throws Exception {
    try (FaultProxy proxy = FaultProxy.inFrontOf(plain)) {
      Resolution r = resolve(proxy.hostPort() + "/kitchen-cpq/app", Map.of("GITHUB_SHA", SHA));
      assertThat(r.digest()).isEqualTo(shaImage.digest());
      assertThat(proxy.exchanges("/manifests/"))
          .extracting(FaultProxy.Exchange::method)
          .containsExactly("HEAD");
    }
  }

  @Test
  void aStartedLookupForAnotherTagIsDroppedNotMixedUp() throws Exception {
    try (FaultProxy proxy = FaultProxy.inFrontOf(plain)) {
      proxy.always("/manifests/" + SHA, Fault.delay(Duration.ofSeconds(2)));
      RegistryManifestClient.Options options =
          new RegistryManifestClient.Options(true, false, Duration.ofSeconds(5));
      RegistryManifestClient client =
          new RegistryManifestClient(
              proxy.hostPort(),
              "kitchen-cpq/app",
              options,
              new CredentialLookup(
                  ImageName.parse(proxy.hostPort() + "/kitchen-cpq/app"),
                  proxy.hostPort() + "/kitchen-cpq/app",
                  ids -> Optional.empty(),
                  Map.of(),
                  work,
                  log::add),
              RetryBudget.startingNow(Duration.ofSeconds(15)),
              log::add);
      client.adopt(
          StartedLookup.start(
              proxy.hostPort(), "kitchen-cpq/app", SHA, options, Duration.ofSeconds(5)));
      assertThat(client.digestOf("latest")).contains(latestImage.digest());
    }
  }

  @Test
  void missingCommitTagFallsBackToLatestAndSaysSo() throws Exception {
    Resolution r = resolve(plain.hostPort() + "/kitchen-cpq/app", Map.of("GITHUB_SHA", OTHER_SHA));
    assertThat(r.tag()).isEqualTo("latest");
    assertThat(r.fallback()).isTrue();
    assertThat(r.missingTags()).containsExactly(OTHER_SHA);
    assertThat(r.digest()).isEqualTo(latestImage.digest());
    assertThat(log)
        .anyMatch(l -> l.startsWith("WARN") && l.contains(OTHER_SHA) && l.contains("falling back"));
  }

  @Test
  void strictModeFailsInsteadOfFallingBack() {
    assertThatThrownBy(
            () ->
                resolve(
                    plain.hostPort() + "/kitchen-cpq/app",
                    Map.of("GITHUB_SHA", OTHER_SHA, "GITHUB_REF_NAME", "release/2.0")))
        .isInstanceOf(GoalException.class)
        .hasMessageContaining("Strict mode")
        .hasMessageContaining(OTHER_SHA);
  }

  @Test
  void bothTagsMissingNamesBoth() {
    assertThatThrownBy(
            () ->
                resolve(
                    plain.hostPort() + "/kitchen-cpq/never-pushed",
                    Map.of("GITHUB_SHA", OTHER_SHA)))
        .isInstanceOf(GoalException.class)
        .hasMessageContaining(OTHER_SHA + ", latest")
        .hasMessageContaining("registry " + plain.hostPort());
  }

  @Test
  void aTagThatAppearsDuringTheVisibilityWindowIsNotAFallback() throws Exception {
    try (FaultProxy proxy = FaultProxy.inFrontOf(plain)) {
      proxy.times(4, "/manifests/" + SHA, Fault.status(404));
      Resolution r =
          resolve(
              proxy.hostPort() + "/kitchen-cpq/app",
              Map.of("GITHUB_SHA", SHA),
              null,
              Duration.ofSeconds(15),
              Duration.ofSeconds(3),
              true);
      assertThat(r.tag()).isEqualTo(SHA);
      assertThat(r.fallback()).isFalse();
      assertThat(proxy.exchanges("/manifests/latest")).isEmpty();
    }
  }

  /**
   * Locally (no {@code GITHUB_SHA}) the first tag is the git HEAD commit; a commit never pushed is
   * asked for once and falls back to latest without the visibility wait, even with one set.
   */
  @Test
  void aGitHeadTagThatWasNeverPushedFallsBackWithoutTheVisibilityWait() throws Exception {
    Path tree = work.resolve("tree");
    Files.createDirectories(tree.resolve(".git"));
    Files.writeString(tree.resolve(".git/HEAD"), OTHER_SHA + "\n");
    try (FaultProxy proxy = FaultProxy.inFrontOf(plain)) {
      DigestResolver resolver =
          new DigestResolver(
              new Log() {
                @Override
                public void info(String message) {}

                @Override
                public void warn(String message) {
                  log.add("WARN " + message);
                }

                @Override
                public void debug(String message) {
                  log.add("DEBUG " + message);
                }
              });
      Resolution r =
          resolver.resolve(
              new DigestResolver.Request(
                  proxy.hostPort() + "/kitchen-cpq/app",
                  null,
                  null,
                  null,
                  null,
                  false,
                  true,
                  false,
                  Duration.ofSeconds(15),
                  Duration.ofSeconds(3),
                  Duration.ofSeconds(5),
                  ids -> Optional.empty(),
                  Map.of(),
                  tree,
                  work));
      assertThat(r.tag()).isEqualTo("latest");
      assertThat(r.fallback()).isTrue();
      assertThat(r.missingTags()).containsExactly(OTHER_SHA);
      // One HEAD, confirmed by one GET: asked once, not polled for three seconds.
      assertThat(proxy.exchanges("/manifests/" + OTHER_SHA))
          .extracting(FaultProxy.Exchange::method)
          .containsExactly("HEAD", "GET");
      assertThat(log)
          .anyMatch(
              l ->
                  l.startsWith("DEBUG")
                      && l.contains("git HEAD commit")
                      && l.contains("paramkernel.resolve.visibilityRetry"));
    }
  }

  @Test
  void anonymousReadOfAnAuthRegistryFailsWithoutFallback() {
    assertThatThrownBy(
            () -> resolve(secured.hostPort() + "/kitchen-cpq/private", Map.of("GITHUB_SHA", SHA)))
        .isInstanceOf(GoalException.class)
        .hasMessageContaining("registry " + secured.hostPort())
        .hasMessageContaining("requires credentials")
        .hasMessageContaining("PARAMKERNEL_REGISTRY_USERNAME")
        .satisfies(e -> assertThat(((GoalException) e).userFixable()).isTrue());
    assertThat(log).noneMatch(l -> l.contains("falling back"));
  }

  @Test
  void wrongCredentialsFailWithoutFallbackAndThePasswordIsNeverPrinted() {
    String wrong = "Wr0ng-Pa55word-xyz";
    Throwable thrown =
        org.assertj.core.api.Assertions.catchThrowable(
            () ->
                resolve(
                    secured.hostPort() + "/kitchen-cpq/private",
                    Map.of(
                        "GITHUB_SHA",
                        SHA,
                        CredentialLookup.ENV_USERNAME,
                        USER,
                        CredentialLookup.ENV_PASSWORD,
                        wrong)));
    assertThat(thrown)
        .isInstanceOf(GoalException.class)
        .hasMessageContaining("refused")
        .hasMessageContaining("environment PARAMKERNEL_REGISTRY_USERNAME");
    String everything = thrown.getMessage() + String.join("\n", log);
    assertThat(everything)
        .doesNotContain(wrong)
        .doesNotContain(PASSWORD)
        .doesNotContain(Base64.getEncoder().encodeToString((USER + ":" + wrong).getBytes()));
    assertThat(log).noneMatch(l -> l.contains("falling back"));
  }

  @Test
  void rightCredentialsFromTheEnvironmentResolve() throws Exception {
    Resolution r =
        resolve(
            secured.hostPort() + "/kitchen-cpq/private",
            Map.of(
                "GITHUB_SHA",
                SHA,
                CredentialLookup.ENV_USERNAME,
                USER,
                CredentialLookup.ENV_PASSWORD,
                PASSWORD));
    assertThat(r.digest()).isEqualTo(shaImage.digest());
    assertThat(String.join("\n", log)).doesNotContain(PASSWORD);
  }

  @Test
  void credentialsFromADockerConfigInDockerConfigDirResolve() throws Exception {
    Path config = Files.createDirectories(work.resolve("dockercfg"));
    String auth = Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes());
    Files.writeString(
        config.resolve("config.json"),
        "{\"auths\":{\"" + secured.hostPort() + "\":{\"auth\":\"" + auth + "\"}}}");
    Resolution r =
        resolve(
            secured.hostPort() + "/kitchen-cpq/private",
            Map.of("GITHUB_SHA", SHA, "DOCKER_CONFIG", config.toString()));
    assertThat(r.digest()).isEqualTo(shaImage.digest());
    assertThat(String.join("\n", log)).doesNotContain(PASSWORD).doesNotContain(auth);
  }

  @Test
  void credentialsAreNotSentOverPlainHttpToLoopbackWithoutAllowInsecure() {
    // Without allowInsecureRegistries the client insists on https; the plain registry fails TLS.
    assertThatThrownBy(
            () ->
                resolve(
                    secured.hostPort() + "/kitchen-cpq/private",
                    Map.of(
                        CredentialLookup.ENV_USERNAME,
                        USER,
                        CredentialLookup.ENV_PASSWORD,
                        PASSWORD),
                    null,
                    Duration.ofSeconds(5),
                    Duration.ZERO,
                    false))
        .isInstanceOf(GoalException.class)
        .hasMessageContaining("paramkernel.allowInsecureRegistries")
        .hasMessageContaining(secured.hostPort());
  }

  @Test
  void connectionRefusedFailsWithinTheBudget() {
    int port = FreePorts.loopback();
    long start = System.nanoTime();
    assertThatThrownBy(
            () ->
                resolve(
                    "127.0.0.1:" + port + "/kitchen-cpq/app",
                    Map.of(),
                    null,
                    Duration.ofSeconds(4),
                    Duration.ofSeconds(3),
                    true))
        .isInstanceOf(GoalException.class)
        .hasMessageContaining("cannot reach registry 127.0.0.1:" + port)
        .satisfies(e -> assertThat(((GoalException) e).userFixable()).isFalse());
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void serverErrorsAreRetriedThenFailWithoutFallback() throws Exception {
    for (int status : new int[] {500, 503}) {
      try (FaultProxy proxy = FaultProxy.inFrontOf(plain)) {
        proxy.always("/manifests/", Fault.status(status));
        assertThatThrownBy(
                () ->
                    resolve(
                        proxy.hostPort() + "/kitchen-cpq/app",
                        Map.of("GITHUB_SHA", SHA),
                        null,
                        Duration.ofSeconds(4),
                        Duration.ofSeconds(3),
                        true))
            .isInstanceOf(GoalException.class)
            .hasMessageContaining("answered " + status)
            .hasMessageContaining("Not falling back")
            .hasMessageContaining(proxy.hostPort());
        assertThat(proxy.exchanges("/manifests/" + SHA).size()).isGreaterThan(2);
        assertThat(proxy.exchanges("/manifests/latest")).isEmpty();
      }
    }
  }

  @Test
  void rateLimitHonoursRetryAfterThenSucceeds() throws Exception {
    try (FaultProxy proxy = FaultProxy.inFrontOf(plain)) {
      proxy.times(1, "/manifests/", Fault.tooManyRequests(2));
      Resolution r = resolve(proxy.hostPort() + "/kitchen-cpq/app", Map.of("GITHUB_SHA", SHA));
      assertThat(r.tag()).isEqualTo(SHA);
      List<FaultProxy.Exchange> calls = proxy.exchanges("/manifests/");
      assertThat(calls).extracting(FaultProxy.Exchange::status).containsExactly(429, 200);
      assertThat(Duration.ofNanos(calls.get(1).atNanos() - calls.get(0).atNanos()))
          .isGreaterThanOrEqualTo(Duration.ofMillis(1900));
    }
  }

  @Test
  void persistentRateLimitFailsWithoutFallback() throws Exception {
    try (FaultProxy proxy = FaultProxy.inFrontOf(plain)) {
      proxy.always("/manifests/", Fault.tooManyRequests(1));
      assertThatThrownBy(
              () ->
                  resolve(
                      proxy.hostPort() + "/kitchen-cpq/app",
                      Map.of("GITHUB_SHA", SHA),
                      null,
                      Duration.ofSeconds(4),
                      Duration.ZERO,
                      true))
          .isInstanceOf(GoalException.class)
          .hasMessageContaining("answered 429");
      assertThat(proxy.exchanges("/manifests/" + SHA).size()).isBetween(2, 5);
      assertThat(proxy.exchanges("/manifests/latest")).isEmpty();
    }
  }

  @Test
  void aRetryAfterLongerThanTheBudgetFailsAtOnce() throws Exception {
    try (FaultProxy proxy = FaultProxy.inFrontOf(plain)) {
      proxy.always("/manifests/", Fault.tooManyRequests(60));
      long start = System.nanoTime();
      assertThatThrownBy(
              () -> resolve(proxy.hostPort() + "/kitchen-cpq/app", Map.of("GITHUB_SHA", SHA)))
          .hasMessageContaining("asked to wait 60 s");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
  }

  @Test
  void notFoundWithAnotherErrorCodeIsNotAFallback() throws Exception {
    try (FaultProxy proxy = FaultProxy.inFrontOf(plain)) {
      proxy.always("/manifests/" + SHA, Fault.notFoundWithCode("NAME_UNKNOWN"));
      assertThatThrownBy(
              () -> resolve(proxy.hostPort() + "/kitchen-cpq/app", Map.of("GITHUB_SHA", SHA)))
          .isInstanceOf(GoalException.class)
          .hasMessageContaining("404 NAME_UNKNOWN")
          .hasMessageContaining("not falling back");
      assertThat(proxy.exchanges("/manifests/latest")).isEmpty();
    }
  }

  @Test
  void slowRegistryWithinTheRequestTimeoutStillResolves() throws Exception {
    try (FaultProxy proxy = FaultProxy.inFrontOf(plain)) {
      proxy.times(1, "/manifests/", Fault.delay(Duration.ofMillis(1500)));
      assertThat(resolve(proxy.hostPort() + "/kitchen-cpq/app", Map.of("GITHUB_SHA", SHA)).digest())
          .isEqualTo(shaImage.digest());
    }
  }

  @Test
  void headWithoutDigestHeaderFallsBackToHashingTheBody() throws Exception {
    // A proxy that strips nothing but answers HEAD with 405 forces the GET path.
    try (FaultProxy proxy = FaultProxy.inFrontOf(plain)) {
      proxy.always("/manifests/", new Fault(0, Map.of(), "", Duration.ZERO));
      proxy.reset();
      proxy.times(1, "HEAD", "/manifests/" + SHA, Fault.status(405));
      assertThat(resolve(proxy.hostPort() + "/kitchen-cpq/app", Map.of("GITHUB_SHA", SHA)).digest())
          .isEqualTo(shaImage.digest());
      assertThat(proxy.exchanges("/manifests/"))
          .extracting(FaultProxy.Exchange::method)
          .containsExactly("HEAD", "GET");
    }
  }

  @Test
  void multiPlatformIndexResolvesToTheIndexDigestLikeSkopeo() throws Exception {
    TestImages.Index index = TestImages.index(TestImages.images("multi", "amd64", "arm64"), null);
    TestImages.push(plain.hostPort(), "kitchen-cpq/multi", index, SHA);
    Resolution r = resolve(plain.hostPort() + "/kitchen-cpq/multi", Map.of("GITHUB_SHA", SHA));
    assertThat(r.digest())
        .isEqualTo(index.digest())
        .isEqualTo(
            Skopeo.create(work).inspectDigest(plain.hostPort() + "/kitchen-cpq/multi:" + SHA));
  }

  @Test
  void indexWithOci11ArtifactTypeResolvesLikeSkopeo() throws Exception {
    TestImages.Index index =
        TestImages.index(
            TestImages.images("attested", "amd64", "arm64"),
            "application/vnd.example.sbom.v1+json");
    TestImages.push(plain.hostPort(), "kitchen-cpq/artifact", index, "latest");
    Resolution r = resolve(plain.hostPort() + "/kitchen-cpq/artifact", Map.of());
    assertThat(r.digest())
        .isEqualTo(index.digest())
        .isEqualTo(
            Skopeo.create(work).inspectDigest(plain.hostPort() + "/kitchen-cpq/artifact:latest"));
  }

  @Test
  void imagePushedByJibResolvesToTheDigestJibReported() throws Exception {
    Path file = Files.writeString(work.resolve("hello.txt"), "pushed by jib");
    JibContainer container =
        Jib.fromScratch()
            .addFileEntriesLayer(
                FileEntriesLayer.builder()
                    .addEntry(file, AbsoluteUnixPath.get("/hello.txt"))
                    .build())
            .setEntrypoint("/hello.txt")
            .containerize(
                Containerizer.to(RegistryImage.named(plain.hostPort() + "/kitchen-cpq/jib:" + SHA))
                    .setAllowInsecureRegistries(true)
                    .setApplicationLayersCache(work.resolve("jib-cache"))
                    .setBaseImageLayersCache(work.resolve("jib-base-cache")));
    Resolution r =
        resolve(plain.hostPort() + "/kitchen-cpq/jib", new HashMap<>(Map.of("GITHUB_SHA", SHA)));
    assertThat(r.digest()).isEqualTo(container.getDigest().toString());
  }

  @Test
  void bearerTokenFlowAnonymousLikeAPublicGhcrPackage() throws Exception {
    try (FaultProxy proxy = FaultProxy.inFrontOf(plain).requireBearerToken(null, null)) {
      Resolution r = resolve(proxy.hostPort() + "/kitchen-cpq/app", Map.of("GITHUB_SHA", SHA));
      assertThat(r.digest()).isEqualTo(shaImage.digest());
      assertThat(proxy.exchanges())
          .extracting(FaultProxy.Exchange::status)
          .containsExactly(401, 200, 200);
      assertThat(proxy.exchanges().get(1).path())
          .contains("/token?service=fault-proxy&scope=repository%3Akitchen-cpq%2Fapp%3Apull");
    }
  }

  @Test
  void bearerTokenFlowWithCredentialsAndWithWrongOnes() throws Exception {
    try (FaultProxy proxy = FaultProxy.inFrontOf(plain).requireBearerToken(USER, PASSWORD)) {
      Resolution r =
          resolve(
              proxy.hostPort() + "/kitchen-cpq/app",
              Map.of(
                  "GITHUB_SHA",
                  SHA,
                  CredentialLookup.ENV_USERNAME,
                  USER,
                  CredentialLookup.ENV_PASSWORD,
                  PASSWORD));
      assertThat(r.digest()).isEqualTo(shaImage.digest());

      Throwable thrown =
          org.assertj.core.api.Assertions.catchThrowable(
              () ->
                  resolve(
                      proxy.hostPort() + "/kitchen-cpq/app",
                      Map.of(
                          "GITHUB_SHA",
                          SHA,
                          CredentialLookup.ENV_USERNAME,
                          USER,
                          CredentialLookup.ENV_PASSWORD,
                          "not-the-Pa55")));
      assertThat(thrown)
          .isInstanceOf(GoalException.class)
          .hasMessageContaining("token service of registry " + proxy.hostPort() + " refused")
          .hasMessageNotContaining("not-the-Pa55");
      assertThat(String.join("\n", log)).doesNotContain("not-the-Pa55").doesNotContain(PASSWORD);
      assertThat(proxy.exchanges("/manifests/latest")).isEmpty();
    }
  }

  @Test
  void redirectsAreReturnedNotFollowed() throws Exception {
    // The Location points at the real manifest: following it would resolve.
    String location = "http://" + plain.hostPort() + "/v2/kitchen-cpq/app/manifests/" + SHA;
    try (FaultProxy proxy = FaultProxy.inFrontOf(plain)) {
      proxy.always("/manifests/", Fault.status(307).withHeader("Location", location));
      assertThatThrownBy(
              () -> resolve(proxy.hostPort() + "/kitchen-cpq/app", Map.of("GITHUB_SHA", SHA)))
          .isInstanceOf(GoalException.class)
          .hasMessageContaining("registry " + proxy.hostPort() + " answered 307 to HEAD");
      assertThat(proxy.exchanges()).extracting(FaultProxy.Exchange::status).containsExactly(307);
    }
  }

  @Test
  void aJvmWideAuthenticatorIsNeverAsked() {
    AtomicInteger asked = new AtomicInteger();
    Authenticator previous = Authenticator.getDefault();
    Authenticator.setDefault(
        new Authenticator() {
          @Override
          protected PasswordAuthentication getPasswordAuthentication() {
            asked.incrementAndGet();
            return new PasswordAuthentication(USER, PASSWORD.toCharArray());
          }
        });
    try {
      assertThatThrownBy(
              () -> resolve(secured.hostPort() + "/kitchen-cpq/private", Map.of("GITHUB_SHA", SHA)))
          .isInstanceOf(GoalException.class)
          .hasMessageContaining("requires credentials");
      assertThat(asked).hasValue(0);
    } finally {
      Authenticator.setDefault(previous);
    }
  }

  @Test
  void aRegistryThatAcceptsButNeverAnswersFailsWithinTheBudget() throws Exception {
    List<Socket> accepted = new CopyOnWriteArrayList<>();
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread acceptor =
          new Thread(
              () -> {
                try {
                  while (true) {
                    accepted.add(silent.accept());
                  }
                } catch (IOException e) {
                  // closed at the end of the test
                }
              },
              "silent-registry");
      acceptor.setDaemon(true);
      acceptor.start();
      long start = System.nanoTime();
      assertThatThrownBy(
              () ->
                  resolve(
                      "127.0.0.1:" + silent.getLocalPort() + "/kitchen-cpq/app",
                      Map.of("GITHUB_SHA", SHA),
                      null,
                      Duration.ofSeconds(3),
                      Duration.ZERO,
                      true))
          .isInstanceOf(GoalException.class)
          .hasMessageContaining("cannot reach registry 127.0.0.1:" + silent.getLocalPort())
          .hasMessageContaining("paramkernel.resolve.timeout=3 s");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(3900));
      assertThat(accepted).isNotEmpty();
    } finally {
      for (Socket s : accepted) {
        s.close();
      }
    }
  }

  @Test
  void httpsRegistryWithASelfSignedCertificateResolvesWhenInsecureIsAllowed() throws Exception {
    try (LocalRegistry https = LocalRegistry.startWithTls(plain)) {
      Resolution r = resolve(https.hostPort() + "/kitchen-cpq/app", Map.of("GITHUB_SHA", SHA));
      assertThat(r.digest()).isEqualTo(shaImage.digest());
      // Loopback with insecure access starts with plain http; the registry's 400 moves it to https.
      assertThat(log).anyMatch(l -> l.contains("answered 400; trying https"));
      assertThat(log)
          .anyMatch(l -> l.contains("HEAD https://" + https.hostPort()) && l.endsWith("-> 200"));
    }
  }

  @Test
  void httpsRegistryWithAnUntrustedCertificateFailsAndSaysHowToTrustIt() throws Exception {
    try (LocalRegistry https = LocalRegistry.startWithTls(plain)) {
      assertThatThrownBy(
              () ->
                  resolve(
                      https.hostPort() + "/kitchen-cpq/app",
                      Map.of("GITHUB_SHA", SHA),
                      null,
                      Duration.ofSeconds(5),
                      Duration.ZERO,
                      false))
          .isInstanceOf(GoalException.class)
          .hasMessageContaining("TLS with registry " + https.hostPort() + " failed")
          .hasMessageContaining("javax.net.ssl.trustStore");
    }
  }

  @Test
  void aFirstResolutionOverPlainHttpLoadsNoTlsAndNoJibClasses() throws Exception {
    List<String> loaded =
        classesLoadedByAFreshJvm(plain.hostPort() + "/kitchen-cpq/app", "insecure");
    assertThat(loaded).contains("DIGEST " + latestImage.digest());
    assertThat(loaded)
        .as("the class-load log is read")
        .anyMatch(l -> l.startsWith("java.net.HttpURLConnection"));
    assertThat(loaded)
        .noneMatch(l -> l.startsWith("javax.net.ssl.") || l.startsWith("sun.security.ssl."))
        .noneMatch(l -> l.startsWith("java.net.http.") || l.startsWith("jdk.internal.net.http."))
        .noneMatch(l -> l.startsWith("com.google.cloud.tools.jib."));
  }

  @Test
  void theTlsCheckAboveSeesTlsWhenHttpsIsTried() throws Exception {
    // Without insecure access the client goes straight to https: the same check must see TLS.
    List<String> loaded = classesLoadedByAFreshJvm(plain.hostPort() + "/kitchen-cpq/app", "secure");
    assertThat(loaded).anyMatch(l -> l.startsWith("FAILED TLS with registry " + plain.hostPort()));
    assertThat(loaded).anyMatch(l -> l.startsWith("sun.security.ssl."));
  }

  /** Class names a new JVM loads while it resolves once, followed by its output lines. */
  private List<String> classesLoadedByAFreshJvm(String image, String mode) throws Exception {
    Path classLog = work.resolve("class-load-" + mode + ".log");
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + classLog,
                "-cp",
                System.getProperty("java.class.path"),
                FreshJvmResolution.class.getName(),
                image,
                mode)
            .redirectErrorStream(true)
            .start();
    String out;
    try (InputStream in = p.getInputStream()) {
      out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    List<String> lines = new ArrayList<>();
    for (String line : Files.readAllLines(classLog)) {
      // [0.123s][info][class,load] java.lang.Object source: shared objects file
      int start = line.indexOf("] ", line.indexOf("[class,load]")) + 2;
      int end = line.indexOf(' ', start);
      if (start > 1 && end > start) {
        lines.add(line.substring(start, end));
      }
    }
    lines.addAll(out.lines().toList());
    return lines;
  }
}
