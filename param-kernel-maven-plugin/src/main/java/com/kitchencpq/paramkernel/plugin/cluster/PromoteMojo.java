package com.kitchencpq.paramkernel.plugin.cluster;

import com.kitchencpq.paramkernel.plugin.core.PropertyNames;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code kubectl argo rollouts promote [--full]}: the same patches, in the same order ({@code
 * RolloutCommands#promote}).
 */
@Mojo(name = "promote", requiresProject = false, threadSafe = true)
public class PromoteMojo extends AbstractClusterMojo {

  /** The Rollout; the rendered bundle's when not set. */
  @Parameter(property = PropertyNames.ROLLOUT_NAME)
  String rolloutName;

  /** Skip all remaining steps, pauses and analysis ({@code --full}). */
  @Parameter(property = PropertyNames.PROMOTE_FULL, defaultValue = "false")
  boolean full;

  @Override
  protected void run() throws MojoExecutionException, MojoFailureException {
    withCluster(
        api -> {
          RolloutTarget target = target(api, rolloutName);
          RolloutCommands.Outcome outcome =
              new RolloutCommands(api).promote(target.namespace(), target.name(), full);
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
