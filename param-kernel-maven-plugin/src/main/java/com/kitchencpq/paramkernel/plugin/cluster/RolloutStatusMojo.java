package com.kitchencpq.paramkernel.plugin.cluster;

import com.kitchencpq.paramkernel.plugin.core.Durations;
import com.kitchencpq.paramkernel.plugin.core.GoalException;
import com.kitchencpq.paramkernel.plugin.core.PropertyNames;
import com.kitchencpq.paramkernel.plugin.github.GithubActions;
import java.time.Duration;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Follows the Rollout until it is Healthy (passes), Degraded (fails) or Paused (fails unless {@code
 * paramkernel.rollout.failOnPause=false}), one line per change; a timeout fails. In GitHub Actions:
 * step outputs {@code rollout-state}, {@code rollout-message}, {@code rollout-step}, a job summary
 * section and an annotation. See {@link RolloutFollower}.
 */
@Mojo(name = "rollout-status", requiresProject = false, threadSafe = true)
public class RolloutStatusMojo extends AbstractClusterMojo {

  /** The Rollout; the rendered bundle's when not set. */
  @Parameter(property = PropertyNames.ROLLOUT_NAME)
  String rolloutName;

  /** How long to follow the Rollout before giving up ({@code 45m}, {@code 90s}, {@code PT1H}). */
  @Parameter(property = PropertyNames.ROLLOUT_TIMEOUT, defaultValue = "60m")
  String timeout;

  /**
   * Whether a pause that waits for a person (Inconclusive analysis, manual pause) fails the goal.
   */
  @Parameter(property = PropertyNames.ROLLOUT_FAIL_ON_PAUSE, defaultValue = "true")
  boolean failOnPause;

  @Parameter(property = PropertyNames.ROLLOUT_SKIP, defaultValue = "false")
  boolean skipRollout;

  @Override
  protected boolean goalSkipped() {
    return skipRollout;
  }

  @Override
  protected String goalSkipProperty() {
    return PropertyNames.ROLLOUT_SKIP;
  }

  @Override
  protected void run() throws MojoExecutionException, MojoFailureException {
    Duration limit;
    try {
      limit = Durations.parsePositive(timeout, PropertyNames.ROLLOUT_TIMEOUT);
    } catch (GoalException e) {
      throw new MojoFailureException(e.getMessage());
    }
    withCluster(
        api -> {
          RolloutTarget target = target(api, rolloutName);
          getLog().info("Following " + target + " on " + api.server() + " for up to " + timeout);
          RolloutFollower.Result result =
              new RolloutFollower(api)
                  .follow(target.namespace(), target.name(), limit, line -> getLog().info(line));
          RolloutReport report = RolloutReport.of(target, result, failOnPause, limit);
          GithubActions github = github();
          warnAll(github.setOutputs(report.outputs()));
          warnAll(github.appendSummary(report.summary()));
          if (github.isActions()) {
            github.annotate(
                report.annotationLevel(),
                null,
                0,
                0,
                "param-kernel rollout-status",
                report.logLine());
          }
          if (!report.passes()) {
            throw new MojoFailureException(report.logLine());
          }
          if (RolloutPhases.PAUSED.equals(report.state())) {
            getLog().warn(report.logLine());
          } else {
            getLog().info(report.logLine());
          }
        });
  }
}
