package com.kitchencpq.paramkernel.plugin.cluster;

import com.kitchencpq.paramkernel.plugin.core.ArtifactFiles;
import com.kitchencpq.paramkernel.plugin.core.PropertyNames;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code kubectl argo rollouts set image <rollout> <container>=<image>@<digest>}: the same
 * read-modify-update of the Rollout (or of the Deployment its workloadRef names), retried on a
 * conflict ({@code RolloutCommands#setImage}). The container defaults to the Rollout's only one.
 */
@Mojo(name = "set-image", requiresProject = false, threadSafe = true)
public class SetImageMojo extends AbstractClusterMojo {

  /** The Rollout; the rendered bundle's when not set. */
  @Parameter(property = PropertyNames.ROLLOUT_NAME)
  String rolloutName;

  /** The image repository; digest.json's when not set. */
  @Parameter(property = PropertyNames.IMAGE)
  String image;

  /** The digest; resolve-digest's result of this build, else digest.json's, when not set. */
  @Parameter(property = PropertyNames.DIGEST)
  String digest;

  /** The container; the only container of the pod template when not set; {@code *} for all. */
  @Parameter(property = PropertyNames.SET_IMAGE_CONTAINER)
  String container;

  @Override
  protected void run() throws MojoExecutionException, MojoFailureException {
    String fromBuild =
        !projectPresent()
            ? null
            : project.getProperties().getProperty(PropertyNames.RESOLVED_DIGEST);
    Path digestJson = artifactsDirectory().resolve(ArtifactFiles.DIGEST_JSON);
    withCluster(
        api -> {
          String reference =
              ImageReference.resolve(image, digest, fromBuild, digestJson, display(digestJson));
          RolloutTarget target = target(api, rolloutName);
          RolloutCommands.Outcome outcome =
              new RolloutCommands(api)
                  .setImage(target.namespace(), target.name(), container, reference);
          getLog().debug(outcome.requests().size() + " update(s) sent");
          getLog()
              .info(
                  outcome.message()
                      + ": "
                      + reference
                      + " (namespace "
                      + target.namespace()
                      + ", "
                      + api.server()
                      + ")");
        });
  }
}
