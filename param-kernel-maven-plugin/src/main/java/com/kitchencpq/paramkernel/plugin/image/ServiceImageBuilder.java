package com.kitchencpq.paramkernel.plugin.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.cloud.tools.jib.api.CacheDirectoryCreationException;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Credential;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.api.RegistryAuthenticationFailedException;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.RegistryUnauthorizedException;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.buildplan.Port;
import com.google.cloud.tools.jib.registry.RegistryCredentialsNotSentException;
import com.kitchencpq.paramkernel.plugin.core.ArtifactFiles;
import com.kitchencpq.paramkernel.plugin.core.AtomicFiles;
import com.kitchencpq.paramkernel.plugin.core.GoalException;
import com.kitchencpq.paramkernel.plugin.core.Log;
import com.kitchencpq.paramkernel.plugin.core.PropertyNames;
import com.kitchencpq.paramkernel.plugin.registry.CredentialLookup;
import com.kitchencpq.paramkernel.plugin.registry.RegistryCredential;
import com.kitchencpq.paramkernel.plugin.registry.RegistryManifestClient;
import com.kitchencpq.paramkernel.plugin.registry.RetryBudget;
import com.kitchencpq.paramkernel.plugin.registry.Secrets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * Builds the service image with jib-core (no Docker daemon): layers for release dependencies,
 * snapshot dependencies and the application, a {@code java} entrypoint, a non-root user, a fixed
 * creation time. Writes a local OCI image layout with one {@code index.json} entry per tag and,
 * when asked, pushes that layout's image ({@link LayoutPush}).
 *
 * <p>When the base image cannot be reached (offline, no network) the image is built on an empty
 * base instead: a LOCAL PREVIEW that is not deployable. It says so in the log and the result, and
 * pushing it is refused unless forced.
 */
public final class ServiceImageBuilder {
  /** A push: repository and the tags to push. */
  public record Push(String image, List<String> tags) {}

  /** How to build and where to put the result. */
  public record Options(
      String base,
      Duration baseCheckTimeout,
      boolean offline,
      boolean allowInsecure,
      boolean sendCredentialsOverHttp,
      Path workDirectory,
      Path layoutDirectory,
      String layoutName,
      List<String> layoutTags,
      Optional<Push> push,
      boolean forcePreviewPush,
      Function<List<String>, Optional<RegistryCredential>> settingsCredential,
      Map<String, String> env,
      Path userHome) {}

  /** What was built. */
  public record Result(
      String digest,
      String imageId,
      String base,
      boolean preview,
      String previewReason,
      Path layout,
      List<String> layoutTags,
      Optional<String> pushedImage,
      List<String> pushedTags) {}

  public static final String PREVIEW_LABEL = "com.kitchencpq.paramkernel.preview";

  private final Log log;

  /** Every form of the credentials handed to jib ({@link Secrets#renderings}). */
  private final Set<String> secrets = ConcurrentHashMap.newKeySet();

  /**
   * @param log receives this builder's lines and jib's, with the credentials it uses masked
   */
  public ServiceImageBuilder(Log log) {
    this.log =
        new Log() {
          @Override
          public void info(String message) {
            log.info(masked(message));
          }

          @Override
          public void warn(String message) {
            log.warn(masked(message));
          }

          @Override
          public void debug(String message) {
            log.debug(masked(message));
          }
        };
  }

  private String masked(String text) {
    return Secrets.redact(text, secrets);
  }

  public Result build(ImageSpec spec, Options options)
      throws ImageBuildException, InterruptedException {
    try {
      return buildAndPush(spec, options);
    } catch (ImageBuildException e) {
      String message = masked(e.getMessage());
      throw e.userFixable()
          ? ImageBuildException.user(message)
          : ImageBuildException.environment(message, e.getCause());
    }
  }

  private Result buildAndPush(ImageSpec spec, Options options)
      throws ImageBuildException, InterruptedException {
    BaseChoice base = chooseBase(options);
    if (base.preview()) {
      shoutPreview(options.base(), base.reason());
    }
    try {
      JibContainerBuilder builder = containerBuilder(spec, options, base);
      Path tar = options.workDirectory().resolve("jib-image.tar");
      Files.createDirectories(options.workDirectory());
      Containerizer toTar =
          configure(
              Containerizer.to(TarImage.at(tar).named(options.layoutName())),
              options,
              base.preview());
      JibContainer built = builder.containerize(toTar);
      String digest = built.getDigest().toString();
      writeLayout(tar, options.layoutDirectory(), options.layoutTags(), digest);
      Files.deleteIfExists(tar);

      Optional<String> pushed = Optional.empty();
      List<String> pushedTags = List.of();
      if (options.push().isPresent()) {
        Push push = options.push().get();
        if (base.preview() && !options.forcePreviewPush()) {
          throw ImageBuildException.user(
              "Refusing to push "
                  + push.image()
                  + ": the image is a LOCAL"
                  + " PREVIEW built without its base image ("
                  + base.reason()
                  + "), NOT DEPLOYABLE."
                  + " Build with network access to "
                  + options.base()
                  + ", or set"
                  + " "
                  + PropertyNames.IMAGE_FORCE_PREVIEW_PUSH
                  + "=true if you really mean it");
        }
        if (push.tags().isEmpty()) {
          throw ImageBuildException.user(
              "No tag to push "
                  + push.image()
                  + " with: neither a commit"
                  + " SHA (GITHUB_SHA or git HEAD) nor latest ("
                  + PropertyNames.IMAGE_LATEST
                  + ")");
        }
        String pushedDigest = push(push, options, digest, base);
        if (!pushedDigest.equals(digest)) {
          throw ImageBuildException.environment(
              "the pushed image has digest "
                  + pushedDigest
                  + " but the local layout has "
                  + digest
                  + "; the build is not reproducible",
              null);
        }
        pushed = Optional.of(push.image());
        pushedTags = push.tags();
      }
      return new Result(
          digest,
          built.getImageId().toString(),
          base.preview() ? "scratch" : options.base(),
          base.preview(),
          base.reason(),
          options.layoutDirectory(),
          options.layoutTags(),
          pushed,
          pushedTags);
    } catch (InvalidImageReferenceException e) {
      throw ImageBuildException.user(
          "invalid image reference: "
              + e.getMessage()
              + " (check "
              + PropertyNames.IMAGE
              + " and "
              + PropertyNames.IMAGE_BASE
              + ")");
    } catch (RegistryException e) {
      throw ImageBuildException.environment(
          "registry error while building the image: " + e.getMessage(), e);
    } catch (IOException | CacheDirectoryCreationException e) {
      throw ImageBuildException.environment("building the image failed: " + e.getMessage(), e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw ImageBuildException.environment("building the image failed: " + cause, cause);
    }
  }

  private record BaseChoice(
      boolean preview, String reason, Optional<RegistryCredential> credential) {}

  /** Decides quickly whether the base can be pulled; never waits long for a dead network. */
  private BaseChoice chooseBase(Options options) throws ImageBuildException, InterruptedException {
    String base = options.base() == null ? "" : options.base().trim();
    if (base.isEmpty()) {
      throw ImageBuildException.user(
          PropertyNames.IMAGE_BASE
              + " is empty; set it to a Java 17 JRE image"
              + " pinned by digest");
    }
    if (base.equals("scratch")) {
      return new BaseChoice(false, null, Optional.empty());
    }
    ImageReference ref;
    try {
      ref = ImageReference.parse(base);
    } catch (InvalidImageReferenceException e) {
      throw ImageBuildException.user(
          PropertyNames.IMAGE_BASE + " '" + base + "' is not a valid image reference");
    }
    if (options.offline()) {
      return new BaseChoice(true, "Maven runs offline", Optional.empty());
    }
    CredentialLookup credentials = credentials(ref, options);
    RegistryManifestClient probe =
        new RegistryManifestClient(
            ref.getRegistry(),
            ref.getRepository(),
            new RegistryManifestClient.Options(
                options.allowInsecure(),
                options.sendCredentialsOverHttp(),
                options.baseCheckTimeout()),
            credentials,
            RetryBudget.startingNow(options.baseCheckTimeout()),
            log::debug);
    try {
      Optional<String> found =
          probe.digestOf(ref.getDigest().orElse(ref.getTag().orElse("latest")));
      if (found.isEmpty()) {
        throw ImageBuildException.user(
            "base image "
                + base
                + " does not exist in registry "
                + probe.hostPort()
                + "; fix "
                + PropertyNames.IMAGE_BASE);
      }
      Optional<RegistryCredential> credential = credentials.find();
      credential.ifPresent(c -> secrets.addAll(Secrets.renderings(c)));
      return new BaseChoice(false, null, credential);
    } catch (GoalException e) {
      if (e.userFixable()) {
        throw ImageBuildException.user("base image " + base + ": " + e.getMessage());
      }
      return new BaseChoice(
          true,
          "base registry "
              + probe.hostPort()
              + " unreachable within "
              + options.baseCheckTimeout().toMillis()
              + " ms: "
              + e.getMessage(),
          Optional.empty());
    }
  }

  private CredentialLookup credentials(ImageReference ref, Options options) {
    return new CredentialLookup(
        ref, options.settingsCredential(), options.env(), options.userHome(), log::debug);
  }

  private void shoutPreview(String base, String reason) {
    log.warn("=====================================================================");
    log.warn("LOCAL PREVIEW, NOT DEPLOYABLE: base image " + base + " could not be pulled");
    log.warn("(" + reason + "). The image holds only the application layers on an");
    log.warn("empty base: it has no Java runtime and will not start. Do not deploy it.");
    log.warn("=====================================================================");
  }

  private JibContainerBuilder containerBuilder(ImageSpec spec, Options options, BaseChoice base)
      throws InvalidImageReferenceException, IOException {
    JibContainerBuilder builder;
    if (base.preview() || options.base().trim().equals("scratch")) {
      builder = Jib.fromScratch();
    } else {
      RegistryImage from = RegistryImage.named(options.base().trim());
      base.credential().ifPresent(c -> from.addCredential(c.username(), c.secret()));
      builder = Jib.from(from);
    }
    AbsoluteUnixPath root = AbsoluteUnixPath.get(ImageSpec.APP_ROOT);
    List<String> classpath = new ArrayList<>();
    Set<String> names = new HashSet<>();
    FileEntriesLayer.Builder deps = FileEntriesLayer.builder().setName("dependencies");
    for (Path jar : spec.dependencies()) {
      String target = ImageSpec.APP_ROOT + "/libs/" + unique(names, jar);
      deps.addEntry(jar, AbsoluteUnixPath.get(target));
      classpath.add(target);
    }
    FileEntriesLayer.Builder snapshots =
        FileEntriesLayer.builder().setName("snapshot dependencies");
    for (Path jar : spec.snapshotDependencies()) {
      String target = ImageSpec.APP_ROOT + "/snapshot-libs/" + unique(names, jar);
      snapshots.addEntry(jar, AbsoluteUnixPath.get(target));
      classpath.add(target);
    }
    FileEntriesLayer.Builder app = FileEntriesLayer.builder().setName("application");
    String appTarget;
    if (Files.isDirectory(spec.application())) {
      appTarget = ImageSpec.APP_ROOT + "/classes";
      app.addEntryRecursive(spec.application(), AbsoluteUnixPath.get(appTarget));
    } else {
      appTarget = ImageSpec.APP_ROOT + "/app.jar";
      app.addEntry(spec.application(), AbsoluteUnixPath.get(appTarget));
    }
    classpath.add(0, appTarget);
    if (!spec.dependencies().isEmpty()) {
      builder.addFileEntriesLayer(deps.build());
    }
    if (!spec.snapshotDependencies().isEmpty()) {
      builder.addFileEntriesLayer(snapshots.build());
    }
    builder.addFileEntriesLayer(app.build());

    List<String> entrypoint = new ArrayList<>();
    entrypoint.add("java");
    entrypoint.addAll(spec.jvmFlags());
    entrypoint.add("-cp");
    entrypoint.add(String.join(":", classpath));
    entrypoint.add(spec.mainClass());
    Map<String, String> labels = new LinkedHashMap<>(spec.labels());
    labels.put(
        "org.opencontainers.image.base.name", base.preview() ? "scratch" : options.base().trim());
    if (base.preview()) {
      labels.put(PREVIEW_LABEL, "true");
    }
    return builder
        .setFormat(ImageFormat.OCI)
        .setCreationTime(spec.creationTime())
        .setEntrypoint(entrypoint)
        .setProgramArguments(List.of())
        .setWorkingDirectory(root)
        .setUser(spec.user())
        .addExposedPort(Port.tcp(spec.port()))
        .addEnvironmentVariable("PORT", Integer.toString(spec.port()))
        .setLabels(labels);
  }

  private static String unique(Set<String> names, Path jar) {
    String name = jar.getFileName().toString();
    String candidate = name;
    for (int i = 2; !names.add(candidate); i++) {
      candidate = i + "-" + name;
    }
    return candidate;
  }

  private Containerizer configure(Containerizer c, Options options, boolean offline) {
    Path cache = options.workDirectory().resolve("jib-cache");
    return c.setApplicationLayersCache(cache.resolve("application"))
        .setBaseImageLayersCache(cache.resolve("base"))
        .setAllowInsecureRegistries(options.allowInsecure())
        .setOfflineMode(offline)
        .setToolName("param-kernel-maven-plugin")
        .addEventHandler(LogEvent.class, e -> log.debug("jib: " + e.getMessage()));
  }

  /**
   * Pushes the layout's image ({@link LayoutPush}: jib-core's registry client, told per push
   * whether credentials may go over plain http, instead of jib's JVM-wide system property).
   */
  private String push(Push push, Options options, String digest, BaseChoice base)
      throws InvalidImageReferenceException, IOException, RegistryException, ImageBuildException {
    ImageReference target = ImageReference.parse(push.image());
    Optional<Credential> credential;
    try {
      Optional<RegistryCredential> found = credentials(target, options).find();
      found.ifPresent(c -> secrets.addAll(Secrets.renderings(c)));
      credential = found.map(c -> Credential.from(c.username(), c.secret()));
    } catch (GoalException e) {
      throw ImageBuildException.user(e.getMessage());
    }
    Optional<ImageReference> mountFrom = Optional.empty();
    if (!base.preview() && !options.base().trim().equals("scratch")) {
      mountFrom = Optional.of(ImageReference.parse(options.base().trim()));
    }
    try {
      return LayoutPush.push(
          options.layoutDirectory(),
          digest,
          target,
          push.tags(),
          credential,
          mountFrom,
          options.allowInsecure(),
          options.sendCredentialsOverHttp(),
          log::debug);
    } catch (RegistryCredentialsNotSentException e) {
      throw ImageBuildException.user(
          "registry "
              + target.getRegistry()
              + " is reached over plain"
              + " http, so the credentials for "
              + push.image()
              + " were not sent. Use https, or set "
              + PropertyNames.SEND_CREDENTIALS_OVER_HTTP
              + "=true if you accept sending them in clear"
              + " text");
    } catch (RegistryUnauthorizedException | RegistryAuthenticationFailedException e) {
      throw ImageBuildException.user(
          "registry "
              + target.getRegistry()
              + " refused the push of "
              + push.image()
              + " ("
              + e.getMessage()
              + "). Configure credentials that may push it: "
              + credentials(target, options).howToConfigure());
    }
  }

  /**
   * Unpacks Jib's OCI tarball next to the layout, rewrites {@code index.json} with one entry per
   * tag, and swaps it in place of the old layout.
   */
  private void writeLayout(Path tar, Path layout, List<String> tags, String digest)
      throws IOException, ImageBuildException {
    Path parent = layout.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path staging = Files.createTempDirectory(parent, ".oci-staging");
    try {
      TarExtractor.extract(tar, staging);
      ObjectMapper json = new ObjectMapper();
      JsonNode index = json.readTree(staging.resolve("index.json").toFile());
      JsonNode manifests = index.path("manifests");
      if (!manifests.isArray() || manifests.size() != 1) {
        throw ImageBuildException.environment(
            "Jib's OCI tarball has an unexpected index.json", null);
      }
      JsonNode descriptor = manifests.get(0);
      if (!digest.equals(descriptor.path("digest").asText())) {
        throw ImageBuildException.environment(
            "Jib reported digest "
                + digest
                + " but its tarball"
                + " holds "
                + descriptor.path("digest").asText(),
            null);
      }
      ObjectNode out = json.createObjectNode();
      out.put("schemaVersion", 2);
      out.put("mediaType", "application/vnd.oci.image.index.v1+json");
      ArrayNode entries = out.putArray("manifests");
      for (String tag : tags) {
        ObjectNode entry = entries.addObject();
        entry.put(
            "mediaType",
            descriptor.path("mediaType").asText("application/vnd.oci.image.manifest.v1+json"));
        entry.put("digest", digest);
        entry.put("size", descriptor.path("size").asLong());
        entry.putObject("annotations").put("org.opencontainers.image.ref.name", tag);
      }
      Files.writeString(
          staging.resolve("index.json"),
          json.writerWithDefaultPrettyPrinter().writeValueAsString(out) + "\n");
      if (!Files.exists(staging.resolve("oci-layout"))) {
        Files.writeString(staging.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
      }
      deleteTree(layout);
      Files.move(staging, layout);
    } finally {
      deleteTree(staging);
    }
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (var walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk.sorted(java.util.Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** {@code jib-image.digest} and {@code jib-image.json} beside the build output. */
  public static void writeMetadata(Path directory, String image, Result result) throws IOException {
    AtomicFiles.write(directory.resolve(ArtifactFiles.JIB_IMAGE_DIGEST), result.digest());
    ObjectMapper json = new ObjectMapper();
    ObjectNode meta = json.createObjectNode();
    meta.put("image", image);
    ArrayNode tags = meta.putArray("tags");
    (result.pushedImage().isPresent() ? result.pushedTags() : result.layoutTags())
        .forEach(tags::add);
    meta.put("digest", result.digest());
    meta.put("imageId", result.imageId());
    meta.put("base", result.base());
    meta.put("preview", result.preview());
    if (result.preview()) {
      meta.put("previewReason", result.previewReason());
      meta.put("deployable", false);
    }
    meta.put("ociLayout", result.layout().toString());
    meta.put("pushed", result.pushedImage().isPresent());
    AtomicFiles.write(
        directory.resolve(ArtifactFiles.JIB_IMAGE_JSON),
        json.writerWithDefaultPrettyPrinter().writeValueAsString(meta).replace("\r\n", "\n")
            + "\n");
  }
}
