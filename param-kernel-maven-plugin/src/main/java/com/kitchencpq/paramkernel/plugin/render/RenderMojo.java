package com.kitchencpq.paramkernel.plugin.render;

import com.kitchencpq.paramkernel.plugin.core.AbstractParamKernelMojo;
import com.kitchencpq.paramkernel.plugin.core.ArtifactFiles;
import com.kitchencpq.paramkernel.plugin.core.GitHead;
import com.kitchencpq.paramkernel.plugin.core.PropertyNames;
import com.kitchencpq.paramkernel.plugin.core.ReleaseStrictness;
import com.kitchencpq.paramkernel.plugin.github.GithubActions;
import com.kitchencpq.paramkernel.plugin.github.StepSummary;
import com.kitchencpq.paramkernel.plugin.validate.report.GithubReport;
import com.kitchencpq.paramkernel.plugin.validate.rules.plan.P95Contingency;
import com.kitchencpq.paramkernel.plugin.validate.rules.plan.RolloutPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Renders the rollout bundle: fills the image digest (and declared variables) into the rollout
 * template and writes {@code artifacts/param-kernel/rollout.yaml}, attached to the project as
 * {@code <artifactId>-<version>-rollout.yaml} so that deploy publishes it. A failed render removes
 * an earlier output, so no stale manifest is left to apply.
 */
@Mojo(
    name = "render",
    requiresProject = false,
    threadSafe = true,
    defaultPhase = LifecyclePhase.PACKAGE)
public class RenderMojo extends AbstractParamKernelMojo {
  static final String CLASSIFIER = "rollout";
  static final String TYPE = "yaml";

  /** The GITHUB_OUTPUT name under which later workflow steps find the rendered file. */
  static final String OUTPUT_ROLLOUT_PATH = "rollout-path";

  /** The template; the service's rollout template embedded in the plugin when not set. */
  @Parameter(property = PropertyNames.TEMPLATE)
  private String template;

  /**
   * The rendered file; {@code artifacts/param-kernel/rollout.yaml} under the top-level directory
   * when not set.
   */
  @Parameter(property = PropertyNames.OUTPUT)
  private String output;

  /**
   * The image digest ({@code sha256:} + 64 hex); else resolve-digest's result from this build or
   * digest.json.
   */
  @Parameter(property = PropertyNames.DIGEST)
  private String digest;

  /**
   * Replaces the default of the template's PARAM_KERNEL_PROMETHEUS_ADDRESS variable (an http(s)
   * URL).
   */
  @Parameter(property = PropertyNames.PROMETHEUS_ADDRESS)
  private String prometheusAddress;

  /** Skips this goal. */
  @Parameter(property = PropertyNames.RENDER_SKIP, defaultValue = "false")
  private boolean skipRender;

  /**
   * A temporary p95 failure bound in seconds (e.g. {@code 0.08}) for metric latency-p95 of the
   * health template, above the plan's 0.060 s; needs a reason and an end date. Refused in strict
   * mode. See docs/contingency.md.
   */
  @Parameter(property = PropertyNames.CONTINGENCY_P95_FAILURE)
  private String contingencyP95Failure;

  /** Why the contingency is needed (one line, e.g. an incident id); required with it. */
  @Parameter(property = PropertyNames.CONTINGENCY_REASON)
  private String contingencyReason;

  /** The last day the contingency may stay, as an ISO date (UTC); required with it. */
  @Parameter(property = PropertyNames.CONTINGENCY_UNTIL)
  private String contingencyUntil;

  /** Strict (release) mode, which refuses a contingency; default true on release branches. */
  @Parameter(property = PropertyNames.STRICT)
  private Boolean strict;

  /** Today's date for the contingency checks; replaceable in tests. */
  Clock clock = Clock.systemUTC();

  private final MavenProjectHelper projectHelper;

  @Inject
  public RenderMojo(MavenProjectHelper projectHelper) {
    this.projectHelper = projectHelper;
  }

  @Override
  protected boolean goalSkipped() {
    return skipRender;
  }

  @Override
  protected String goalSkipProperty() {
    return PropertyNames.RENDER_SKIP;
  }

  @Override
  protected void run() throws MojoExecutionException, MojoFailureException {
    Path outputFile =
        output == null || output.isBlank()
            ? artifactsDirectory().resolve(ArtifactFiles.ROLLOUT_YAML)
            : baseDirectory().resolve(output.strip()).normalize();
    RenderOutput writer = new RenderOutput();
    RenderResult result;
    ContingencyEdit.Result edit = null;
    try {
      Optional<P95Contingency> contingency =
          new ContingencySettings(RolloutPlan.PARAM_KERNEL, clock)
              .read(contingencyP95Failure, contingencyReason, contingencyUntil, strictness());
      Template source = loadTemplate();
      DigestInput.Choice chosen = chooseDigest();
      RenderedRollout rendered =
          new TemplateRenderer().render(source, chosen.digest(), overrides());
      if (contingency.isPresent()) {
        edit =
            new ContingencyEdit(RolloutPlan.PARAM_KERNEL)
                .apply(rendered.templateName(), rendered.text(), contingency.get());
        ContingencyEdit.Result moved = edit;
        rendered =
            new RenderedRollout(
                rendered.templateName(),
                edit.text(),
                rendered.digest(),
                rendered.substitutions().stream()
                    .map(
                        x ->
                            new Substitution(
                                x.placeholder(),
                                x.name(),
                                moved.editedLine(x.line()),
                                x.column(),
                                x.value(),
                                x.source()))
                    .toList());
      }
      RenderedBundleCheck.requireValid(rendered);
      result = writer.write(rendered, outputFile);
      getLog()
          .info(
              "Wrote "
                  + display(result.output())
                  + " ("
                  + result.digest()
                  + " from "
                  + chosen.origin()
                  + ")");
      if (contingency.isPresent()) {
        announce(contingency.get(), edit, result);
      }
    } catch (InvalidBundleException e) {
      GithubActions github = github();
      if (github.isActions()) {
        GithubReport.annotate(e.errors(), github);
      }
      throw new MojoFailureException(e.getMessage() + removeStale(writer, outputFile));
    } catch (RenderException e) {
      throw new MojoFailureException(e.getMessage() + removeStale(writer, outputFile));
    } catch (IOException e) {
      throw new MojoExecutionException(
          "Could not render "
              + display(outputFile)
              + ": "
              + e.getMessage()
              + removeStale(writer, outputFile),
          e);
    }
    for (Substitution s : result.substitutions()) {
      getLog()
          .debug(
              "line "
                  + s.line()
                  + ":"
                  + s.column()
                  + " "
                  + s.placeholder()
                  + " -> "
                  + s.value()
                  + " ("
                  + s.source()
                  + ")");
    }
    if (projectPresent()) {
      projectHelper.attachArtifact(project, TYPE, CLASSIFIER, result.output().toFile());
    }
    warnAll(github().setOutputs(Map.of(OUTPUT_ROLLOUT_PATH, display(result.output()))));
    warnAll(github().appendSummary(StepSummary.canaryPlan(result.text())));
  }

  private ReleaseStrictness strictness() {
    return ReleaseStrictness.of(
        strict, environment, GitHead.of(topLevelDirectory()).branch().orElse(null));
  }

  /** Says loudly, in the log, the step summary and an annotation, that a bound was widened. */
  private void announce(P95Contingency c, ContingencyEdit.Result edit, RenderResult result) {
    String file = display(result.output());
    String what =
        "CONTINGENCY: p95 failure bound of "
            + P95Contingency.METRIC
            + " in "
            + RolloutPlan.PARAM_KERNEL.analysisTemplate()
            + " widened from "
            + edit.previousBound()
            + " s to "
            + c.valueText()
            + " s until "
            + c.until()
            + " (reason: "
            + c.reason()
            + ")";
    String revert = "Revert by rendering again without " + CONTINGENCY_PROPERTIES + ".";
    String bar = "!".repeat(72);
    getLog().warn(bar);
    getLog().warn(what);
    getLog()
        .warn(
            "  "
                + file
                + ":"
                + edit.boundLine()
                + " (bound), "
                + file
                + ":"
                + edit.annotationLine()
                + " (annotation "
                + P95Contingency.ANNOTATION
                + ")");
    getLog().warn("  " + revert);
    getLog().warn(bar);
    GithubActions github = github();
    warnAll(
        github.appendSummary(
            StepSummary.contingencyBanner(
                new StepSummary.ContingencyInfo(
                    RolloutPlan.PARAM_KERNEL.analysisTemplate(),
                    P95Contingency.METRIC,
                    edit.previousBound(),
                    c.valueText(),
                    c.reason(),
                    c.until().toString(),
                    P95Contingency.ANNOTATION,
                    CONTINGENCY_PROPERTIES))));
    if (github.isActions()) {
      github.annotate(
          "warning", file, edit.boundLine(), 0, "param-kernel contingency", what + ". " + revert);
    }
  }

  private static final String CONTINGENCY_PROPERTIES =
      PropertyNames.CONTINGENCY_P95_FAILURE
          + ", "
          + PropertyNames.CONTINGENCY_REASON
          + " and "
          + PropertyNames.CONTINGENCY_UNTIL;

  private Template loadTemplate() throws RenderException, IOException {
    if (template == null || template.isBlank()) {
      return Template.embeddedDefault();
    }
    Path file = baseDirectory().resolve(template.strip()).normalize();
    if (!Files.exists(file)) {
      throw new RenderException(PropertyNames.TEMPLATE + ": " + display(file) + " does not exist");
    }
    return Template.read(file, display(file));
  }

  private DigestInput.Choice chooseDigest() throws RenderException, IOException {
    String fromBuild =
        projectPresent()
            ? project.getProperties().getProperty(PropertyNames.RESOLVED_DIGEST)
            : null;
    Path digestJson = artifactsDirectory().resolve(ArtifactFiles.DIGEST_JSON);
    return new DigestInput(PropertyNames.DIGEST, PropertyNames.RESOLVED_DIGEST)
        .choose(digest, fromBuild, digestJson, display(digestJson));
  }

  private List<VariableOverride> overrides() throws RenderException {
    List<VariableOverride> overrides = new ArrayList<>();
    if (prometheusAddress != null && !prometheusAddress.isBlank()) {
      String address =
          PrometheusAddress.requireValid(prometheusAddress, PropertyNames.PROMETHEUS_ADDRESS);
      overrides.add(
          new VariableOverride(
              PrometheusAddress.VARIABLE, address, PropertyNames.PROMETHEUS_ADDRESS));
    }
    return overrides;
  }

  /** Deletes an earlier output after a failure; returns a note for the error message. */
  private String removeStale(RenderOutput writer, Path outputFile) {
    try {
      return writer.removeStale(outputFile)
          ? " (removed the earlier "
              + display(outputFile)
              + " so that it cannot be applied by mistake)"
          : "";
    } catch (IOException e) {
      return " (and the earlier "
          + display(outputFile)
          + " could not be removed: "
          + e.getMessage()
          + ")";
    }
  }
}
