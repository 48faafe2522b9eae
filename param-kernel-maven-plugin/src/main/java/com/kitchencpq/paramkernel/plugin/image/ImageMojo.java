package com.kitchencpq.paramkernel.plugin.image;

import com.kitchencpq.paramkernel.plugin.core.Durations;
import com.kitchencpq.paramkernel.plugin.core.GitHead;
import com.kitchencpq.paramkernel.plugin.core.GoalException;
import com.kitchencpq.paramkernel.plugin.core.PropertyNames;
import com.kitchencpq.paramkernel.plugin.registry.AbstractRegistryMojo;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Builds the service's container image with jib-core into a local OCI image layout and, with {@code
 * paramkernel.image.push=true} in an execution bound to {@code deploy} (or on the command line),
 * pushes it. Writes {@code jib-image.digest} and {@code jib-image.json}.
 *
 * <p>Unlike the other goals it needs a project, the service's: it packages that project's jar (or
 * classes directory) and runtime dependencies, which nothing but the project names, so Maven
 * refuses to run it without a POM.
 */
@Mojo(
    name = "image",
    defaultPhase = LifecyclePhase.PACKAGE,
    requiresProject = true,
    requiresDependencyResolution = ResolutionScope.RUNTIME,
    threadSafe = true)
public class ImageMojo extends AbstractRegistryMojo {

  /** A Java 17 JRE pinned by digest (multi-platform index). */
  public static final String DEFAULT_BASE =
      "eclipse-temurin:17-jre@sha256:"
          + "13cc28a6cc72a38ce1f00c906be3580c1a3e604b8984d694f369a96742abc93b";

  @Parameter(property = PropertyNames.IMAGE_BASE, defaultValue = DEFAULT_BASE)
  String base;

  @Parameter(property = PropertyNames.IMAGE_PUSH, defaultValue = "false")
  boolean push;

  @Parameter(property = PropertyNames.IMAGE_FORCE_PREVIEW_PUSH, defaultValue = "false")
  boolean forcePreviewPush;

  /** {@code auto}: tag latest only on the default branch; {@code true}/{@code false}. */
  @Parameter(property = PropertyNames.IMAGE_LATEST, defaultValue = "auto")
  String latest;

  @Parameter(property = PropertyNames.IMAGE_DEFAULT_BRANCH, defaultValue = "main")
  String defaultBranch;

  @Parameter(
      property = PropertyNames.IMAGE_MAIN_CLASS,
      defaultValue = "com.kitchencpq.paramkernel.service.Main")
  String mainClass;

  /** Space-separated JVM flags, container-aware by default. */
  @Parameter(
      property = PropertyNames.IMAGE_JVM_FLAGS,
      defaultValue = "-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError")
  String jvmFlags;

  @Parameter(property = PropertyNames.IMAGE_USER, defaultValue = "65532")
  String user;

  @Parameter(property = PropertyNames.IMAGE_PORT, defaultValue = "8080")
  int port;

  @Parameter(
      property = PropertyNames.IMAGE_LAYOUT,
      defaultValue = "${project.build.directory}/jib-image/oci")
  File layout;

  /** How long to wait for the base image's registry before building a local preview. */
  @Parameter(property = PropertyNames.IMAGE_BASE_TIMEOUT, defaultValue = "5s")
  String baseTimeout;

  @Parameter(property = PropertyNames.IMAGE_SKIP, defaultValue = "false")
  boolean skipImage;

  @Parameter(defaultValue = "${project.build.directory}", readonly = true)
  File buildDirectory;

  @Override
  protected boolean goalSkipped() {
    return skipImage;
  }

  @Override
  protected String goalSkipProperty() {
    return PropertyNames.IMAGE_SKIP;
  }

  @Override
  protected void run() throws MojoExecutionException, MojoFailureException {
    if (project == null || project.getArtifact() == null) {
      throw new MojoFailureException("param-kernel:image needs a project with a jar");
    }
    Path application = applicationPath();
    List<Path> releases = new ArrayList<>();
    List<Path> snapshots = new ArrayList<>();
    for (Artifact a : project.getArtifacts()) {
      if (a.getFile() == null || !"jar".equals(a.getType())) {
        continue;
      }
      (a.isSnapshot() ? snapshots : releases).add(a.getFile().toPath());
    }
    GitHead git = GitHead.of(topLevelDirectory());
    Optional<String> commit = ImageTags.commit(environment, git);
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("org.opencontainers.image.title", project.getArtifactId());
    labels.put("org.opencontainers.image.version", project.getVersion());
    commit.ifPresent(c -> labels.put("org.opencontainers.image.revision", c));
    String server = environment.getOrDefault("GITHUB_SERVER_URL", "");
    String repo = environment.getOrDefault("GITHUB_REPOSITORY", "");
    if (!server.isEmpty() && !repo.isEmpty()) {
      labels.put("org.opencontainers.image.source", server + "/" + repo);
    }
    ImageSpec spec =
        new ImageSpec(
            application,
            releases,
            snapshots,
            mainClass,
            jvmFlags == null || jvmFlags.isBlank()
                ? List.of()
                : Arrays.asList(jvmFlags.trim().split("\\s+")),
            user,
            port,
            labels,
            Instant.EPOCH);

    boolean pushNow = push && pushAllowedInThisPhase();
    Optional<ServiceImageBuilder.Push> pushRequest =
        pushNow
            ? Optional.of(
                new ServiceImageBuilder.Push(
                    image.trim(),
                    ImageTags.pushTags(
                        commit, ImageTags.branch(environment, git), defaultBranch, latest)))
            : Optional.empty();
    Path work = buildDirectory.toPath();
    try {
      ServiceImageBuilder.Options options =
          new ServiceImageBuilder.Options(
              base,
              Durations.parse(baseTimeout, PropertyNames.IMAGE_BASE_TIMEOUT),
              session != null && session.isOffline(),
              allowInsecureRegistries,
              sendCredentialsOverHttp,
              work,
              baseDirectory().resolve(layout.toPath()).normalize(),
              image.trim() + ":" + commit.orElse("latest"),
              ImageTags.layoutTags(commit),
              pushRequest,
              forcePreviewPush,
              settingsServers(),
              environment,
              Path.of(System.getProperty("user.home")));
      ServiceImageBuilder.Result result = new ServiceImageBuilder(coreLog()).build(spec, options);
      ServiceImageBuilder.writeMetadata(work, image.trim(), result);
      project.getProperties().setProperty(PropertyNames.IMAGE_BUILT_DIGEST, result.digest());
      StringBuilder line =
          new StringBuilder("Built image ")
              .append(result.digest())
              .append(" into ")
              .append(display(result.layout()))
              .append(" (tags ")
              .append(String.join(", ", result.layoutTags()))
              .append(')');
      result
          .pushedImage()
          .ifPresent(
              i ->
                  line.append("; pushed ")
                      .append(i)
                      .append(" as ")
                      .append(String.join(", ", result.pushedTags())));
      if (result.preview()) {
        line.append(" [LOCAL PREVIEW, NOT DEPLOYABLE]");
        getLog().warn(line.toString());
      } else {
        getLog().info(line.toString());
      }
    } catch (GoalException e) {
      throw new MojoFailureException(masked(e.getMessage()));
    } catch (ImageBuildException e) {
      if (e.userFixable()) {
        throw new MojoFailureException(masked(e.getMessage()));
      }
      throw new MojoExecutionException(masked(e.getMessage()), e.getCause());
    } catch (IOException e) {
      throw new MojoExecutionException(
          "cannot write the image metadata under " + work + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MojoExecutionException("interrupted while building the image", e);
    }
  }

  /** The jar when packaging made one, else the classes directory. */
  private Path applicationPath() throws MojoFailureException {
    File jar = project.getArtifact().getFile();
    if (jar != null && jar.isFile() && jar.getName().endsWith(".jar")) {
      return jar.toPath();
    }
    Path classes = Path.of(project.getBuild().getOutputDirectory());
    if (Files.isDirectory(classes)) {
      return classes;
    }
    throw new MojoFailureException(
        "No jar and no "
            + classes
            + " to put into the image; run"
            + " 'mvn package' (the image goal runs in the package phase by default)");
  }

  /** A push happens on the command line or in the deploy phase, never during install. */
  private boolean pushAllowedInThisPhase() {
    String phase = mojoExecution == null ? null : mojoExecution.getLifecyclePhase();
    if (phase == null || phase.isEmpty() || phase.equals("deploy")) {
      return true;
    }
    getLog()
        .info(
            PropertyNames.IMAGE_PUSH
                + "=true is ignored in phase "
                + phase
                + ": the push runs in an execution bound to deploy");
    return false;
  }
}
