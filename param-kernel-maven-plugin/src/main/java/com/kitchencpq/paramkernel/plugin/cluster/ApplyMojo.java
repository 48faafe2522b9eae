package com.kitchencpq.paramkernel.plugin.cluster;

import com.kitchencpq.paramkernel.plugin.core.ArtifactFiles;
import com.kitchencpq.paramkernel.plugin.core.PropertyNames;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Server-side apply of the rendered bundle (field manager {@code param-kernel}), every document in
 * order; a line per document says created, configured or unchanged. Refuses a bundle whose digest
 * came from a local image ({@code digest.json} beside it) and any image not pinned by digest. See
 * {@link BundleApplier} for how outcomes are decided and why conflicts are not forced.
 */
@Mojo(name = "apply", requiresProject = false, threadSafe = true)
public class ApplyMojo extends AbstractClusterMojo {

  /**
   * {@code none} applies; {@code server} asks the API server for a dry run ({@code dryRun=All}).
   */
  @Parameter(property = PropertyNames.APPLY_DRY_RUN, defaultValue = "none")
  String dryRun;

  /** Take over fields that another field manager owns instead of failing on the conflict. */
  @Parameter(property = PropertyNames.APPLY_FORCE_CONFLICTS, defaultValue = "false")
  boolean forceConflicts;

  @Parameter(property = PropertyNames.APPLY_SKIP, defaultValue = "false")
  boolean skipApply;

  @Override
  protected boolean goalSkipped() {
    return skipApply;
  }

  @Override
  protected String goalSkipProperty() {
    return PropertyNames.APPLY_SKIP;
  }

  @Override
  protected void run() throws MojoExecutionException, MojoFailureException {
    boolean serverDryRun =
        switch (dryRun == null ? "none" : dryRun.strip().toLowerCase(Locale.ROOT)) {
          case "none", "" -> false;
          case "server" -> true;
          default ->
              throw new MojoFailureException(
                  PropertyNames.APPLY_DRY_RUN
                      + "="
                      + dryRun
                      + " is not supported: use none or server");
        };
    Path file = bundleFile();
    // Checked before any connection: a bundle that must not be deployed never reaches a server.
    Bundle parsed =
        mapped(
            () -> {
              Bundle b = Bundle.read(file, display(file));
              Path digestJson = file.resolveSibling(ArtifactFiles.DIGEST_JSON);
              DeployableCheck.requireDeployable(b, digestJson, display(digestJson));
              return b;
            });
    withCluster(
        api -> {
          List<BundleApplier.Applied> applied =
              new BundleApplier()
                  .apply(
                      parsed,
                      api,
                      new BundleApplier.Options(namespace, serverDryRun, forceConflicts),
                      a -> getLog().info(a.describe()));
          Map<String, Long> counts = new LinkedHashMap<>();
          for (BundleApplier.Outcome o : BundleApplier.Outcome.values()) {
            counts.put(o.word(), applied.stream().filter(a -> a.outcome() == o).count());
          }
          warnAll(github().setOutputs(ApplyReport.outputs(counts, serverDryRun)));
          warnAll(
              github().appendSummary(ApplyReport.summary(display(file), api.server(), applied)));
          getLog()
              .info(
                  "Applied "
                      + display(file)
                      + " to "
                      + api.server()
                      + (serverDryRun ? " (server dry run)" : "")
                      + ": "
                      + ApplyReport.counts(counts));
        });
  }
}
