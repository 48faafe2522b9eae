package com.kitchencpq.paramkernel.plugin.cluster;

import com.kitchencpq.paramkernel.plugin.core.AbstractParamKernelMojo;
import com.kitchencpq.paramkernel.plugin.core.ArtifactFiles;
import com.kitchencpq.paramkernel.plugin.core.PropertyNames;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The connection settings every cluster goal shares, and the one mapping of the cluster core's
 * exceptions to Maven's: what the user must fix (a name, a permission, a bundle) fails the build
 * ({@link MojoFailureException}), what the environment broke (an unreachable server) is an
 * execution error with its cause.
 */
public abstract class AbstractClusterMojo extends AbstractParamKernelMojo {

  /** The namespace for objects that name none; must agree with the ones that do. */
  @Parameter(property = PropertyNames.NAMESPACE)
  protected String namespace;

  /** The kube context; the kubeconfig's current context when not set. */
  @Parameter(property = PropertyNames.KUBE_CONTEXT)
  protected String kubeContext;

  /**
   * A kubeconfig file (or a path list); {@code KUBECONFIG}, then fabric8's defaults, when not set.
   */
  @Parameter(property = PropertyNames.KUBE_CONFIG)
  protected String kubeConfig;

  /**
   * The rendered bundle; {@code artifacts/param-kernel/rollout.yaml} under the top-level directory
   * when not set.
   */
  @Parameter(property = PropertyNames.BUNDLE)
  protected String bundle;

  /** The work of a cluster goal, with the core's exceptions. */
  @FunctionalInterface
  protected interface ClusterWork {
    void run(ClusterApi api)
        throws ClusterException,
            BundleException,
            IOException,
            InterruptedException,
            MojoFailureException;
  }

  /** Work before any connection (reading and checking files), with the core's exceptions. */
  @FunctionalInterface
  protected interface LocalWork<T> {
    T run()
        throws ClusterException,
            BundleException,
            IOException,
            InterruptedException,
            MojoFailureException;
  }

  /** Connects, runs the work, closes the client, and maps the exceptions. */
  protected void withCluster(ClusterWork work) throws MojoExecutionException, MojoFailureException {
    KubeConnection connection =
        KubeConnection.of(kubeConfig, kubeContext, namespace, environment, baseDirectory());
    mapped(
        () -> {
          try (ClusterApi api = Fabric8ClusterApi.connect(connection)) {
            getLog()
                .debug(
                    "API server " + api.server() + ", default namespace " + api.defaultNamespace());
            work.run(api);
          }
          return null;
        });
  }

  /** Runs the work and maps the cluster core's exceptions to Maven's. */
  protected <T> T mapped(LocalWork<T> work) throws MojoExecutionException, MojoFailureException {
    try {
      return work.run();
    } catch (ClusterException e) {
      if (e.reason().userFixable()) {
        throw new MojoFailureException(e.getMessage());
      }
      throw new MojoExecutionException(e.getMessage(), e.getCause());
    } catch (BundleException e) {
      throw new MojoFailureException(e.getMessage());
    } catch (IOException e) {
      throw new MojoExecutionException("I/O error: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MojoExecutionException("interrupted", e);
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException(e.getMessage());
    }
  }

  /** The bundle file. */
  protected Path bundleFile() {
    return bundle == null || bundle.isBlank()
        ? artifactsDirectory().resolve(ArtifactFiles.ROLLOUT_YAML)
        : baseDirectory().resolve(bundle.strip()).normalize();
  }

  /** The Rollout the rollout goals address. */
  protected RolloutTarget target(ClusterApi api, String rolloutName)
      throws BundleException, IOException {
    Path file = bundleFile();
    return RolloutTarget.resolve(rolloutName, namespace, file, display(file), api);
  }
}
