package com.kitchencpq.paramkernel.plugin.cluster;

import com.kitchencpq.paramkernel.plugin.core.PropertyNames;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How the cluster goals reach the API server: fabric8's usual configuration (the kubeconfig files
 * of {@code KUBECONFIG} or {@code ~/.kube/config}, else the in-cluster service account), with the
 * kube context and namespace the user may override, and fabric8's retries and timeouts bounded so
 * that an unreachable server fails a goal well within a minute.
 *
 * <p>fabric8 retries a request that failed with an {@code IOException} or answered 429/5xx, with
 * exponential back-off (1 s, 2 s here), and ends an attempt that gets no answer after the request
 * timeout plus up to 5 s with a {@code TimeoutException} that it does not retry ({@code
 * StandardHttpClient.retryWithExponentialBackoff} and {@code shouldRetry}, {@code
 * AsyncUtils.retryWithExponentialBackoff}). On the JDK HTTP client the goals use, the JDK itself
 * ends an attempt first: {@code HttpConnectTimeoutException} after the connect timeout, {@code
 * HttpTimeoutException} after the request timeout (fabric8's {@code JdkHttpClientImpl} sets both),
 * and both are {@code IOException}s, so every attempt may run into a timeout. {@link
 * #worstCaseFailure()} adds these up.
 *
 * @param kubeconfig kubeconfig files (from {@code paramkernel.kube.config} or {@code KUBECONFIG});
 *     empty: fabric8's auto-configuration
 * @param context the kube context, or null for the current one
 * @param namespace the namespace override, or null
 */
public record KubeConnection(List<Path> kubeconfig, String context, String namespace) {

  /** Connect timeout of one attempt. */
  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /**
   * Time an attempt waits for the answer. Every attempt may use it up (see the class comment), so
   * three of them and the back-off must stay under a minute.
   */
  public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

  /** Retries after the first attempt. */
  public static final int RETRIES = 2;

  /** First back-off; it doubles on every retry. */
  public static final Duration RETRY_BACKOFF = Duration.ofSeconds(1);

  /** fabric8's grace on top of the request timeout ({@code MAX_ADDITIONAL_REQUEST_TIMEOUT}). */
  static final Duration FABRIC8_TIMEOUT_GRACE = Duration.ofSeconds(5);

  public KubeConnection {
    kubeconfig = List.copyOf(kubeconfig);
    context = blankToNull(context);
    namespace = blankToNull(namespace);
  }

  /**
   * The connection from the goal's settings: {@code kubeconfigProperty} (a path, relative to {@code
   * baseDirectory}) wins over {@code KUBECONFIG} from {@code env} (a path list).
   */
  public static KubeConnection of(
      String kubeconfigProperty,
      String context,
      String namespace,
      Map<String, String> env,
      Path baseDirectory) {
    List<Path> files = new ArrayList<>();
    String list =
        kubeconfigProperty != null && !kubeconfigProperty.isBlank()
            ? kubeconfigProperty
            : env.getOrDefault("KUBECONFIG", "");
    for (String entry : list.split(File.pathSeparator)) {
      if (!entry.isBlank()) {
        files.add(baseDirectory.resolve(entry.strip()).normalize());
      }
    }
    return new KubeConnection(files, context, namespace);
  }

  /**
   * The longest a single request can take before it fails when the server cannot be reached or
   * never answers: every retried attempt runs into the longer of the connect and request timeouts,
   * and the last one into fabric8's own timeout (the request timeout and its grace).
   */
  public static Duration worstCaseFailure() {
    Duration backoff = Duration.ZERO;
    for (int i = 0; i < RETRIES; i++) {
      backoff = backoff.plus(RETRY_BACKOFF.multipliedBy(1L << i));
    }
    Duration attempt =
        REQUEST_TIMEOUT.compareTo(CONNECT_TIMEOUT) > 0 ? REQUEST_TIMEOUT : CONNECT_TIMEOUT;
    Duration lastAttempt =
        REQUEST_TIMEOUT.plus(FABRIC8_TIMEOUT_GRACE).compareTo(CONNECT_TIMEOUT) > 0
            ? REQUEST_TIMEOUT.plus(FABRIC8_TIMEOUT_GRACE)
            : CONNECT_TIMEOUT;
    return attempt.multipliedBy(RETRIES).plus(backoff).plus(lastAttempt);
  }

  /**
   * The fabric8 configuration. Never logs or returns a credential in a message.
   *
   * @throws ClusterException CONFIGURATION when a kubeconfig file is missing or the context unknown
   */
  public Config config() throws ClusterException {
    Config config;
    try {
      if (!kubeconfig.isEmpty()) {
        List<io.fabric8.kubernetes.api.model.Config> parsed = new ArrayList<>();
        for (Path file : kubeconfig) {
          if (!Files.isRegularFile(file)) {
            throw new ClusterException(
                ClusterException.Reason.CONFIGURATION,
                "The kubeconfig file "
                    + file
                    + " does not exist (from paramkernel.kube.config or KUBECONFIG)");
          }
          parsed.add(KubeConfigUtils.parseConfig(file.toFile()));
        }
        requireContext(parsed);
        config = Config.empty();
        KubeConfigUtils.merge(
            config, context, parsed.toArray(io.fabric8.kubernetes.api.model.Config[]::new));
      } else {
        config = Config.autoConfigure(context);
        if (context != null
            && (config.getCurrentContext() == null
                || !context.equals(config.getCurrentContext().getName()))) {
          throw new ClusterException(
              ClusterException.Reason.CONFIGURATION,
              PropertyNames.KUBE_CONTEXT
                  + "="
                  + context
                  + ": no such context in the kubeconfig (KUBECONFIG or ~/.kube/config)");
        }
      }
    } catch (KubernetesClientException | IllegalArgumentException e) {
      // fabric8's messages about kubeconfig files name the file, never its secrets.
      throw new ClusterException(
          ClusterException.Reason.CONFIGURATION,
          0,
          "Cannot read the kubeconfig " + where() + ": " + e.getMessage(),
          null);
    }
    if (config.getMasterUrl() == null || config.getMasterUrl().isBlank()) {
      throw new ClusterException(
          ClusterException.Reason.CONFIGURATION,
          "No API server: the kubeconfig "
              + where()
              + " names no cluster server and there is no in-cluster service account");
    }
    config.setConnectionTimeout((int) CONNECT_TIMEOUT.toMillis());
    config.setRequestTimeout((int) REQUEST_TIMEOUT.toMillis());
    config.setRequestRetryBackoffLimit(RETRIES);
    config.setRequestRetryBackoffInterval((int) RETRY_BACKOFF.toMillis());
    // A watch that breaks is re-established a few times before rollout-status gives up on it.
    config.setWatchReconnectLimit(5);
    config.setWatchReconnectInterval(1000);
    if (namespace != null) {
      config.setNamespace(namespace);
    }
    return config;
  }

  private void requireContext(List<io.fabric8.kubernetes.api.model.Config> parsed)
      throws ClusterException {
    if (context == null) {
      return;
    }
    List<String> names = new ArrayList<>();
    for (io.fabric8.kubernetes.api.model.Config c : parsed) {
      if (c.getContexts() != null) {
        for (NamedContext nc : c.getContexts()) {
          names.add(nc.getName());
        }
      }
    }
    if (!names.contains(context)) {
      throw new ClusterException(
          ClusterException.Reason.CONFIGURATION,
          PropertyNames.KUBE_CONTEXT
              + "="
              + context
              + ": no such context in "
              + where()
              + " (contexts: "
              + String.join(", ", names)
              + ")");
    }
  }

  /** The kubeconfig files for messages. */
  String where() {
    if (kubeconfig.isEmpty()) {
      return "(KUBECONFIG, ~/.kube/config or the in-cluster service account)";
    }
    List<String> names = new ArrayList<>();
    kubeconfig.forEach(p -> names.add(p.toString()));
    return String.join(File.pathSeparator, names);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
