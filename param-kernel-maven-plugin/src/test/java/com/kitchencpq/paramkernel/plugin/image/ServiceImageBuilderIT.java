package com.kitchencpq.paramkernel.plugin.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kitchencpq.paramkernel.plugin.core.Log;
import com.kitchencpq.paramkernel.plugin.digest.DigestResolver;
import com.kitchencpq.paramkernel.plugin.digest.Resolution;
import com.kitchencpq.paramkernel.testkit.LocalRegistry;
import com.kitchencpq.paramkernel.testkit.Skopeo;
import com.kitchencpq.paramkernel.testkit.TestImages;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The image goal's core with real jib-core, a real registry and skopeo as the referee. */
class ServiceImageBuilderIT {
  private static final String SHA = "0123456789abcdef0123456789abcdef01234567";
  private static LocalRegistry registry;
  private static String baseRef;

  @TempDir Path work;
  private final List<String> warnings = new ArrayList<>();

  @BeforeAll
  static void startRegistry() {
    registry = LocalRegistry.start();
    TestImages.Image jre = TestImages.image("pretend JRE", "amd64");
    String digest = TestImages.push(registry.hostPort(), "base/jre", jre, null, null, "17");
    baseRef = registry.hostPort() + "/base/jre:17@" + digest;
  }

  @AfterAll
  static void stop() {
    if (registry != null) {
      registry.close();
    }
  }

  private ImageSpec spec() throws Exception {
    Path app =
        jar(work.resolve("in/app.jar"), "com/kitchencpq/paramkernel/service/Main.class", "main");
    Path dep = jar(work.resolve("in/dep-1.0.jar"), "dep/A.class", "a");
    Path snap = jar(work.resolve("in/snap-1.0-SNAPSHOT.jar"), "snap/B.class", "b");
    return new ImageSpec(
        app,
        List.of(dep),
        List.of(snap),
        "com.kitchencpq.paramkernel.service.Main",
        List.of("-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError"),
        "65532",
        8080,
        Map.of("org.opencontainers.image.revision", SHA),
        Instant.EPOCH);
  }

  private static Path jar(Path path, String entry, String content) throws Exception {
    Files.createDirectories(path.getParent());
    if (Files.exists(path)) {
      return path;
    }
    try (OutputStream out = Files.newOutputStream(path);
        JarOutputStream jar = new JarOutputStream(out)) {
      JarEntry e = new JarEntry(entry);
      e.setLastModifiedTime(FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
      jar.putNextEntry(e);
      jar.write(content.getBytes(StandardCharsets.UTF_8));
      jar.closeEntry();
    }
    return path;
  }

  private ServiceImageBuilder.Options options(
      String base, Path target, Optional<ServiceImageBuilder.Push> push, boolean force) {
    return options(base, target, push, force, false, Map.of());
  }

  private ServiceImageBuilder.Options options(
      String base,
      Path target,
      Optional<ServiceImageBuilder.Push> push,
      boolean force,
      boolean sendCredentialsOverHttp,
      Map<String, String> env) {
    return new ServiceImageBuilder.Options(
        base,
        Duration.ofSeconds(2),
        false,
        true,
        sendCredentialsOverHttp,
        target,
        target.resolve("jib-image/oci"),
        "kitchen-cpq/param-kernel-service:" + SHA,
        List.of(SHA, "latest"),
        push,
        force,
        ids -> Optional.empty(),
        env,
        work);
  }

  private ServiceImageBuilder builder() {
    return new ServiceImageBuilder(
        new Log() {
          @Override
          public void info(String message) {}

          @Override
          public void warn(String message) {
            warnings.add(message);
          }

          @Override
          public void debug(String message) {}
        });
  }

  @Test
  void unreachableBaseGivesALoudLocalPreviewQuickly() throws Exception {
    String deadBase = "127.0.0.1:9/base/jre@sha256:" + "a".repeat(64);
    long start = System.nanoTime();
    ServiceImageBuilder.Result r =
        builder().build(spec(), options(deadBase, work.resolve("t"), Optional.empty(), false));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
    assertThat(r.preview()).isTrue();
    assertThat(warnings).anyMatch(w -> w.contains("LOCAL PREVIEW, NOT DEPLOYABLE"));

    Path layout = work.resolve("t/jib-image/oci");
    JsonNode index = new ObjectMapper().readTree(layout.resolve("index.json").toFile());
    assertThat(index.path("manifests")).hasSize(2);
    assertThat(index.path("manifests").findValuesAsText("org.opencontainers.image.ref.name"))
        .containsExactly(SHA, "latest");
    Skopeo skopeo = Skopeo.create(work);
    assertThat(skopeo.inspectLayoutDigest(layout, SHA)).isEqualTo(r.digest());
    assertThat(skopeo.inspectLayoutDigest(layout, "latest")).isEqualTo(r.digest());

    ServiceImageBuilder.writeMetadata(work.resolve("t"), "kitchen-cpq/param-kernel-service", r);
    JsonNode meta = new ObjectMapper().readTree(work.resolve("t/jib-image.json").toFile());
    assertThat(meta.path("preview").asBoolean()).isTrue();
    assertThat(meta.path("deployable").asBoolean(true)).isFalse();
    assertThat(meta.path("digest").asText()).isEqualTo(r.digest());
    assertThat(work.resolve("t/jib-image.digest")).hasContent(r.digest());
    assertThat(work.resolve("t/jib-image.tar")).doesNotExist();
  }

  @Test
  void theImageHasTheEntrypointUserPortAndLabels() throws Exception {
    ServiceImageBuilder.Result r =
        builder().build(spec(), options(baseRef, work.resolve("t"), Optional.empty(), false));
    Skopeo.Result config =
        Skopeo.create(work).run(List.of("inspect", "--config", "oci:" + r.layout() + ":latest"));
    JsonNode c = new ObjectMapper().readTree(config.stdout()).path("config");
    assertThat(c.path("User").asText()).isEqualTo("65532");
    assertThat(c.path("ExposedPorts").has("8080/tcp")).isTrue();
    assertThat(c.path("Env").toString()).contains("PORT=8080");
    assertThat(c.path("Entrypoint").toString())
        .contains(
            "\"java\"",
            "-XX:MaxRAMPercentage=75",
            "/app/app.jar:/app/libs/dep-1.0.jar:/app/snapshot-libs/snap-1.0-SNAPSHOT.jar",
            "com.kitchencpq.paramkernel.service.Main");
    assertThat(c.path("Labels").path("org.opencontainers.image.revision").asText()).isEqualTo(SHA);
    assertThat(c.path("Labels").path("org.opencontainers.image.base.name").asText())
        .isEqualTo(baseRef);
    assertThat(r.preview()).isFalse();
  }

  @Test
  void sameInputsGiveTheSameDigest() throws Exception {
    ImageSpec spec = spec();
    ServiceImageBuilder.Result first =
        builder().build(spec, options(baseRef, work.resolve("a"), Optional.empty(), false));
    ServiceImageBuilder.Result second =
        builder().build(spec, options(baseRef, work.resolve("b"), Optional.empty(), false));
    assertThat(second.digest()).isEqualTo(first.digest());
  }

  @Test
  void pushedImageHasTheLayoutDigestInTheRegistryAndResolvesToIt() throws Exception {
    String repo = registry.hostPort() + "/kitchen-cpq/param-kernel-service";
    ServiceImageBuilder.Result r =
        builder()
            .build(
                spec(),
                options(
                    baseRef,
                    work.resolve("t"),
                    Optional.of(new ServiceImageBuilder.Push(repo, List.of(SHA, "latest"))),
                    false));
    assertThat(r.pushedTags()).containsExactly(SHA, "latest");
    Skopeo skopeo = Skopeo.create(work);
    assertThat(skopeo.inspectDigest(repo + ":" + SHA)).isEqualTo(r.digest());
    assertThat(skopeo.inspectDigest(repo + ":latest")).isEqualTo(r.digest());
    assertThat(skopeo.inspectLayoutDigest(r.layout(), SHA)).isEqualTo(r.digest());

    Resolution resolved =
        new DigestResolver(
                new Log() {
                  @Override
                  public void info(String message) {}

                  @Override
                  public void warn(String message) {}

                  @Override
                  public void debug(String message) {}
                })
            .resolve(
                new DigestResolver.Request(
                    repo,
                    null,
                    null,
                    null,
                    null,
                    false,
                    true,
                    false,
                    Duration.ofSeconds(15),
                    Duration.ZERO,
                    Duration.ofSeconds(5),
                    ids -> Optional.empty(),
                    Map.of("GITHUB_SHA", SHA),
                    null,
                    work));
    assertThat(resolved.digest()).isEqualTo(r.digest());
  }

  @Test
  void pushingAPreviewIsRefusedUnlessForced() throws Exception {
    String deadBase = "127.0.0.1:9/base/jre:17";
    String repo = registry.hostPort() + "/kitchen-cpq/preview";
    Optional<ServiceImageBuilder.Push> push =
        Optional.of(new ServiceImageBuilder.Push(repo, List.of(SHA)));
    assertThatThrownBy(
            () -> builder().build(spec(), options(deadBase, work.resolve("t"), push, false)))
        .isInstanceOf(ImageBuildException.class)
        .hasMessageContaining("LOCAL PREVIEW")
        .hasMessageContaining("paramkernel.image.forcePreviewPush");
    assertThat(
            Skopeo.create(work)
                .runAllowingFailure(
                    List.of("inspect", "--tls-verify=false", "docker://" + repo + ":" + SHA))
                .exitCode())
        .isNotZero();

    ServiceImageBuilder.Result forced =
        builder().build(spec(), options(deadBase, work.resolve("t2"), push, true));
    assertThat(Skopeo.create(work).inspectDigest(repo + ":" + SHA)).isEqualTo(forced.digest());
  }

  /**
   * Two builds at once push to a plain-http registry behind htpasswd: the one that allows
   * credentials over http pushes, the other is refused by name, and neither ever sets jib's
   * JVM-wide system property {@code sendCredentialsOverHttp} (a watcher reads it throughout).
   */
  @Test
  void sendingCredentialsOverHttpIsDecidedPerBuildWithoutTheJvmWideProperty() throws Exception {
    String user = "pusher";
    String password = "Pk-push-Pa55";
    assertThat(System.getProperty("sendCredentialsOverHttp")).isNull();
    try (LocalRegistry secured = LocalRegistry.startWithBasicAuth(user, password)) {
      String allowed = secured.hostPort() + "/kitchen-cpq/allowed";
      String refused = secured.hostPort() + "/kitchen-cpq/refused";
      Map<String, String> env =
          Map.of("PARAMKERNEL_REGISTRY_USERNAME", user, "PARAMKERNEL_REGISTRY_PASSWORD", password);
      ImageSpec spec = spec();
      List<String> seen = new CopyOnWriteArrayList<>();
      AtomicBoolean done = new AtomicBoolean();
      Thread watcher =
          new Thread(
              () -> {
                while (!done.get()) {
                  String value = System.getProperty("sendCredentialsOverHttp");
                  if (value != null) {
                    seen.add(value);
                  }
                  LockSupport.parkNanos(50_000);
                }
              });
      watcher.start();
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        var pushed =
            pool.submit(
                () ->
                    builder()
                        .build(
                            spec,
                            options(
                                "scratch",
                                work.resolve("a"),
                                Optional.of(new ServiceImageBuilder.Push(allowed, List.of(SHA))),
                                false,
                                true,
                                env)));
        var notSent =
            pool.submit(
                () ->
                    builder()
                        .build(
                            spec,
                            options(
                                "scratch",
                                work.resolve("b"),
                                Optional.of(new ServiceImageBuilder.Push(refused, List.of(SHA))),
                                false,
                                false,
                                env)));
        ServiceImageBuilder.Result r = pushed.get();
        assertThat(Skopeo.create(work).inspectDigest(allowed + ":" + SHA, user, password))
            .isEqualTo(r.digest());
        assertThatThrownBy(notSent::get)
            .hasCauseInstanceOf(ImageBuildException.class)
            .cause()
            .hasMessageContaining("plain http")
            .hasMessageContaining("paramkernel.sendCredentialsOverHttp=true")
            .satisfies(e -> assertThat(((ImageBuildException) e).userFixable()).isTrue());
      } finally {
        done.set(true);
        watcher.join();
        pool.shutdownNow();
      }
      assertThat(seen).isEmpty();
      assertThat(
              Skopeo.create(work)
                  .runAllowingFailure(
                      List.of(
                          "inspect",
                          "--tls-verify=false",
                          "--creds",
                          user + ":" + password,
                          "docker://" + refused + ":" + SHA))
                  .exitCode())
          .isNotZero();
    }
  }
}
