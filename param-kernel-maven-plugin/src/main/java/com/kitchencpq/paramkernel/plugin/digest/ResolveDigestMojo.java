package com.kitchencpq.paramkernel.plugin.digest;

import com.kitchencpq.paramkernel.plugin.core.ArtifactFiles;
import com.kitchencpq.paramkernel.plugin.core.Durations;
import com.kitchencpq.paramkernel.plugin.core.GoalException;
import com.kitchencpq.paramkernel.plugin.core.PropertyNames;
import com.kitchencpq.paramkernel.plugin.github.GithubActions;
import com.kitchencpq.paramkernel.plugin.github.StepSummary;
import com.kitchencpq.paramkernel.plugin.registry.AbstractRegistryMojo;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Resolves the published image digest, preferring the commit's tag and falling back to {@code
 * latest} only when the preferred tag does not exist. Writes {@code
 * artifacts/param-kernel/digest.json}, sets {@code paramkernel.image.digest} and, in GitHub
 * Actions, the step outputs {@code digest}, {@code tag} and {@code image-ref}.
 */
@Mojo(name = "resolve-digest", requiresProject = false, threadSafe = true)
public class ResolveDigestMojo extends AbstractRegistryMojo {

  /**
   * Comma-separated tag preference list; empty entries are dropped. When unset: {@code
   * ${GITHUB_SHA},latest} from the environment and, without {@code GITHUB_SHA}, the git HEAD commit
   * (the tag the image goal gives its local layout), then {@code latest}. The HEAD commit's tag is
   * asked for once, without the visibility wait.
   */
  @Parameter(property = PropertyNames.TAGS)
  String tags;

  /** Only the first tag counts; default true on release branches. */
  @Parameter(property = PropertyNames.STRICT)
  Boolean strict;

  /** Use this digest and do not ask any registry. */
  @Parameter(property = PropertyNames.DIGEST)
  String digest;

  /** Time budget for all registry requests and retries. */
  @Parameter(property = PropertyNames.RESOLVE_TIMEOUT, defaultValue = "15s")
  String timeout;

  /**
   * How long to keep asking for a preferred tag that was perhaps pushed moments ago; not for the
   * git HEAD commit's tag of the default list, which no CI job pushed.
   */
  @Parameter(property = PropertyNames.RESOLVE_VISIBILITY_RETRY, defaultValue = "3s")
  String visibilityRetry;

  /**
   * Resolve from this local OCI image layout instead of a registry. Empty or {@code none} means the
   * registry, so a build profile that sets a layout can be switched back from the command line.
   */
  @Parameter(property = PropertyNames.OCI_LAYOUT)
  String ociLayout;

  @Parameter(property = PropertyNames.RESOLVE_SKIP, defaultValue = "false")
  boolean skipResolve;

  @Override
  protected boolean goalSkipped() {
    return skipResolve;
  }

  @Override
  protected String goalSkipProperty() {
    return PropertyNames.RESOLVE_SKIP;
  }

  @Override
  protected void run() throws MojoExecutionException, MojoFailureException {
    long started = System.nanoTime();
    Path artifacts = artifactsDirectory();
    DigestResolver resolver = new DigestResolver(coreLog());
    Resolution resolution;
    long elapsedMillis;
    try {
      DigestResolver.Request request =
          new DigestResolver.Request(
              image,
              tags,
              strict,
              digest,
              localLayout(),
              session != null && session.isOffline(),
              allowInsecureRegistries,
              sendCredentialsOverHttp,
              Durations.parse(timeout, PropertyNames.RESOLVE_TIMEOUT),
              Durations.parse(visibilityRetry, PropertyNames.RESOLVE_VISIBILITY_RETRY),
              Duration.ofSeconds(5),
              settingsServers(),
              environment,
              topLevelDirectory(),
              Path.of(System.getProperty("user.home")));
      resolution = resolver.resolve(request);
      elapsedMillis = (System.nanoTime() - started) / 1_000_000;
    } catch (GoalException e) {
      removeStale(artifacts);
      if (e.userFixable()) {
        throw new MojoFailureException(masked(e.getMessage()));
      }
      throw new MojoExecutionException(masked(e.getMessage()), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      removeStale(artifacts);
      throw new MojoExecutionException("interrupted while resolving " + image, e);
    } catch (RuntimeException e) {
      removeStale(artifacts);
      throw new MojoExecutionException(
          masked("resolving " + image + " failed unexpectedly: " + e), e);
    }

    Path file;
    try {
      file = DigestOutputs.write(artifacts, resolution);
    } catch (IOException e) {
      throw new MojoExecutionException(
          "cannot write " + artifacts.resolve(ArtifactFiles.DIGEST_JSON) + ": " + e.getMessage(),
          e);
    }
    if (project != null) {
      project.getProperties().setProperty(PropertyNames.RESOLVED_DIGEST, resolution.digest());
    }
    GithubActions github = github();
    warnAll(github.setOutputs(DigestOutputs.githubOutputs(resolution)));
    warnAll(
        github.appendSummary(
            StepSummary.digestSection(
                resolution.image(),
                resolution.tag(),
                resolution.digest(),
                resolution.fallback(),
                resolution.source().json())));
    if (resolution.fallback()) {
      github.annotate(
          "warning",
          null,
          0,
          0,
          "param-kernel resolve-digest",
          "Tag "
              + String.join(", ", resolution.missingTags())
              + " of "
              + resolution.image()
              + " not found; using "
              + resolution.tag()
              + " ("
              + resolution.digest()
              + ")");
    }
    getLog()
        .info(
            resolution.source() == Resolution.Source.OVERRIDE
                ? resolution.logLine()
                : resolution.logLine() + " in " + elapsedMillis + " ms");
    getLog().debug("Wrote " + display(file));
  }

  private void removeStale(Path artifacts) {
    try {
      if (DigestOutputs.removeStale(artifacts)) {
        getLog().warn("Removed the stale " + display(artifacts.resolve(ArtifactFiles.DIGEST_JSON)));
      }
    } catch (IOException e) {
      getLog()
          .warn(
              "Could not remove the stale "
                  + artifacts.resolve(ArtifactFiles.DIGEST_JSON)
                  + ": "
                  + e.getMessage());
    }
  }

  private Path localLayout() {
    if (ociLayout == null || ociLayout.isBlank() || "none".equals(ociLayout.trim())) {
      return null;
    }
    return baseDirectory().resolve(ociLayout.trim()).normalize();
  }
}
