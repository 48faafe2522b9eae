package com.kitchencpq.paramkernel.plugin;

import com.kitchencpq.paramkernel.plugin.github.GithubActions;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What every goal shares, and nothing more: the global skip switch, where the build's
 * {@code artifacts/param-kernel} directory is, and the CI environment. Subclasses translate
 * their parameters into one call of a plain-Java core and map its exceptions.
 */
public abstract class AbstractParamKernelMojo extends AbstractMojo {

  @Parameter(property = PropertyNames.SKIP, defaultValue = "false")
  protected boolean skip;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  protected MavenSession session;

  @Parameter(defaultValue = "${project}", readonly = true)
  protected MavenProject project;

  @Parameter(defaultValue = "${mojoExecution}", readonly = true)
  protected MojoExecution mojoExecution;

  /** Environment, replaceable in tests. */
  protected Map<String, String> environment = System.getenv();

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    String goal = mojoExecution == null ? "goal" : mojoExecution.getGoal();
    if (skip) {
      getLog().info("Skipping param-kernel:" + goal + " (" + PropertyNames.SKIP + "=true)");
      return;
    }
    if (goalSkipped()) {
      getLog().info("Skipping param-kernel:" + goal + " (" + goalSkipProperty() + "=true)");
      return;
    }
    run();
  }

  /** The goal's own work, after the skip checks. */
  protected abstract void run() throws MojoExecutionException, MojoFailureException;

  /** Whether the goal's own skip flag is set. */
  protected boolean goalSkipped() {
    return false;
  }

  /** The name of the goal's own skip property, for the log line. */
  protected String goalSkipProperty() {
    return PropertyNames.SKIP;
  }

  /**
   * The top-level directory of the build: the outermost directory of the project's parent
   * chain that is on disk, or the current directory when Maven runs without a POM.
   */
  protected Path topLevelDirectory() {
    if (session != null && session.getRequest() != null && !session.getRequest().isProjectPresent()) {
      return Path.of(session.getExecutionRootDirectory()).toAbsolutePath().normalize();
    }
    MavenProject p = project;
    if (p == null) {
      return Path.of("").toAbsolutePath();
    }
    Path top = p.getBasedir().toPath();
    while (p.getParent() != null && p.getParent().getFile() != null) {
      p = p.getParent();
      File dir = p.getBasedir();
      if (dir == null) {
        break;
      }
      top = dir.toPath();
    }
    return top.toAbsolutePath().normalize();
  }

  /** {@code artifacts/param-kernel} under the top-level directory. */
  protected Path artifactsDirectory() {
    return topLevelDirectory().resolve("artifacts").resolve("param-kernel");
  }

  /** The base directory against which relative user paths are resolved. */
  protected Path baseDirectory() {
    if (project != null && project.getBasedir() != null
        && (session == null || session.getRequest() == null || session.getRequest().isProjectPresent())) {
      return project.getBasedir().toPath().toAbsolutePath().normalize();
    }
    return topLevelDirectory();
  }

  /** A path as it should appear in a log line: relative to the base directory when inside it. */
  protected String display(Path path) {
    Path abs = path.toAbsolutePath().normalize();
    Path base = topLevelDirectory();
    return abs.startsWith(base) ? base.relativize(abs).toString() : abs.toString();
  }

  protected GithubActions github() {
    return new GithubActions(environment, System.out);
  }

  /** Logs the warnings of a best-effort GitHub hand-off. */
  protected void warnAll(List<String> warnings) {
    warnings.forEach(getLog()::warn);
  }
}
