package com.kitchencpq.paramkernel.plugin.cluster;

import com.kitchencpq.paramkernel.plugin.core.PropertyNames;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code kubectl argo rollouts retry rollout}: the same patches, in the same order ({@code
 * RolloutCommands#retry}): an aborted update starts again.
 */
@Mojo(name = "retry", requiresProject = false, threadSafe = true)
public class RetryMojo extends AbstractClusterMojo {

  /** The Rollout; the rendered bundle's when not set. */
  @Parameter(property = PropertyNames.ROLLOUT_NAME)
  String rolloutName;

  @Override
  protected void run() throws MojoExecutionException, MojoFailureException {
    withCluster(
        api -> {
          RolloutTarget target = target(api, rolloutName);
          RolloutCommands.Outcome outcome =
              new RolloutCommands(api).retry(target.namespace(), target.name());
          outcome.requests().forEach(r -> getLog().debug("patch " + r.target() + ": " + r.body()));
          getLog()
              .info(
                  outcome.message()
                      + " (namespace "
                      + target.namespace()
                      + ", "
                      + api.server()
                      + ")");
        });
  }
}
