package com.kitchencpq.paramkernel.plugin.core;

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
 * What every goal shares, and nothing more: the global skip switch, where the build's {@code
 * artifacts/param-kernel} directory is, and the CI environment. Subclasses translate their
 * parameters into one call of a plain-Java core and map its exceptions.
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
   * The top-level directory of the build: the outermost directory of the project's parent chain
   * that is on disk, or the current directory when Maven runs without a POM.
   */
  protected Path topLevelDirectory() {
    if (!projectRequested()) {
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

  /**
   * Whether Maven runs with a project of the user's: false when it runs a goal without a POM (then
   * {@link #project} is Maven's stand-in project and must not be read or changed).
   */
  protected boolean projectPresent() {
    return project != null && projectRequested();
  }

  private boolean projectRequested() {
    return session == null
        || session.getRequest() == null
        || session.getRequest().isProjectPresent();
  }

  /** {@code artifacts/param-kernel} under the top-level directory ({@link ArtifactFiles}). */
  protected Path artifactsDirectory() {
    return ArtifactFiles.directory(topLevelDirectory());
  }

  /** The base directory against which relative user paths are resolved. */
  protected Path baseDirectory() {
    if (projectPresent() && project.getBasedir() != null) {
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

  /** The Maven log as the plain-Java core's {@link Log}. */
  protected Log coreLog() {
    return new Log() {
      @Override
      public void info(String message) {
        getLog().info(message);
      }

      @Override
      public void warn(String message) {
        getLog().warn(message);
      }

      @Override
      public void debug(String message) {
        getLog().debug(message);
      }
    };
  }

  protected GithubActions github() {
    return new GithubActions(environment, System.out);
  }

  /** Logs the warnings of a best-effort GitHub hand-off. */
  protected void warnAll(List<String> warnings) {
    warnings.forEach(getLog()::warn);
  }
}
