package com.kitchencpq.paramkernel.plugin.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kitchencpq.paramkernel.testkit.FreePorts;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Connection settings: the bounded retries and timeouts (an unreachable server fails within a
 * minute, naming the server), kube contexts, and credentials that never reach a message.
 */
class KubeConnectionTest {
  private static final String TOKEN = "sekret-token-4f2a";
  private static final String PASSWORD = "sekret-password-9b1c";

  @TempDir Path dir;

  private Path kubeconfig(String server, String context) throws IOException {
    return Files.writeString(
        dir.resolve("kubeconfig-" + context),
        "apiVersion: v1\nkind: Config\n"
            + "clusters:\n- name: c\n  cluster:\n    server: "
            + server
            + "\n"
            + "users:\n- name: u\n  user:\n    token: "
            + TOKEN
            + "\n    username: admin\n    password: "
            + PASSWORD
            + "\n"
            + "contexts:\n- name: "
            + context
            + "\n  context:\n    cluster: c\n    user: u\n    namespace: team-a\n"
            + "current-context: "
            + context
            + "\n");
  }

  @Test
  void theWorstCaseOfAnUnreachableServerIsWellUnderAMinute() {
    assertThat(KubeConnection.worstCaseFailure()).isLessThan(Duration.ofSeconds(60));
    // two attempts that run into the JDK client's request timeout (an IOException, retried),
    // back-off 1 s + 2 s, and a last attempt that runs into fabric8's timeout (15 s + its 5 s)
    assertThat(KubeConnection.worstCaseFailure())
        .isEqualTo(Duration.ofSeconds(15 + 15 + 1 + 2 + 20));
  }

  @Test
  void theConfigCarriesTheBoundsTheContextAndTheNamespaceOverride() throws Exception {
    Path file = kubeconfig("https://127.0.0.1:6443", "ctx");
    var config = KubeConnection.of(file.toString(), "ctx", "team-b", Map.of(), dir).config();
    assertThat(config.getRequestRetryBackoffLimit()).isEqualTo(2);
    assertThat(config.getRequestRetryBackoffInterval()).isEqualTo(1000);
    assertThat(config.getConnectionTimeout()).isEqualTo(10_000);
    assertThat(config.getRequestTimeout()).isEqualTo(15_000);
    assertThat(config.getNamespace()).isEqualTo("team-b");
    assertThat(config.getMasterUrl()).startsWith("https://127.0.0.1:6443");
  }

  @Test
  void kubeconfigComesFromThePropertyElseFromKubeconfigInTheEnvironment() throws Exception {
    Path a = kubeconfig("https://127.0.0.1:1111", "a");
    Path b = kubeconfig("https://127.0.0.1:2222", "b");
    assertThat(
            KubeConnection.of(null, null, null, Map.of("KUBECONFIG", b.toString()), dir)
                .kubeconfig())
        .containsExactly(b);
    assertThat(
            KubeConnection.of(a.toString(), null, null, Map.of("KUBECONFIG", b.toString()), dir)
                .kubeconfig())
        .containsExactly(a);
    assertThat(
            KubeConnection.of(
                    null, null, null, Map.of("KUBECONFIG", a + java.io.File.pathSeparator + b), dir)
                .kubeconfig())
        .containsExactly(a, b);
    assertThat(
            KubeConnection.of(null, null, null, Map.of("KUBECONFIG", "kubeconfig-b"), dir)
                .kubeconfig())
        .containsExactly(b);
  }

  @Test
  void anUnknownContextIsNamedWithTheKnownOnes() throws Exception {
    Path file = kubeconfig("https://127.0.0.1:6443", "prod");
    assertThatThrownBy(() -> new KubeConnection(List.of(file), "staging", null).config())
        .isInstanceOfSatisfying(
            ClusterException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(ClusterException.Reason.CONFIGURATION);
              assertThat(e.getMessage())
                  .contains("paramkernel.kube.context=staging")
                  .contains("contexts: prod")
                  .doesNotContain(TOKEN)
                  .doesNotContain(PASSWORD);
            });
  }

  @Test
  void aMissingKubeconfigFileIsNamed() {
    Path missing = dir.resolve("nope");
    assertThatThrownBy(() -> new KubeConnection(List.of(missing), null, null).config())
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("KUBECONFIG");
  }

  @Test
  void aRefusedConnectionFailsFastNamingTheServerAndNoCredential() throws Exception {
    int port = FreePorts.loopback();
    String server = "http://127.0.0.1:" + port;
    Path file = kubeconfig(server, "ctx");
    long started = System.nanoTime();
    try (Fabric8ClusterApi api =
        Fabric8ClusterApi.connect(new KubeConnection(List.of(file), null, null))) {
      assertThatThrownBy(() -> api.get(ResourceKind.ROLLOUT, "team-a", "web"))
          .isInstanceOfSatisfying(
              ClusterException.class,
              e -> {
                assertThat(e.reason())
                    .as(e.getMessage() + " " + chain(e))
                    .isEqualTo(ClusterException.Reason.UNREACHABLE);
                assertThat(e.getMessage())
                    .contains("Cannot reach the API server " + server)
                    .contains("get rollouts.argoproj.io \"web\" in namespace \"team-a\"")
                    .doesNotContain(TOKEN)
                    .doesNotContain(PASSWORD);
              });
    }
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(60));
  }

  @Test
  void aServerThatNeverAnswersFailsWithinAMinute() throws Exception {
    // A loopback socket that accepts connections (the kernel's backlog) and never answers.
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      String server = "http://127.0.0.1:" + silent.getLocalPort();
      Path file = kubeconfig(server, "ctx");
      long started = System.nanoTime();
      try (Fabric8ClusterApi api =
          Fabric8ClusterApi.connect(new KubeConnection(List.of(file), null, null))) {
        assertThatThrownBy(() -> api.get(ResourceKind.ROLLOUT, "team-a", "web"))
            .isInstanceOfSatisfying(
                ClusterException.class,
                e -> {
                  assertThat(e.reason())
                      .as(e.getMessage() + " " + chain(e))
                      .isEqualTo(ClusterException.Reason.UNREACHABLE);
                  assertThat(e.getMessage()).contains(server).doesNotContain(TOKEN);
                });
      }
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(60));
    }
  }

  @Test
  void theServerAddressLosesUserInformation() {
    assertThat(Fabric8ClusterApi.safeServer("https://admin:pw@127.0.0.1:6443/"))
        .isEqualTo("https://127.0.0.1:6443/");
    assertThat(Fabric8ClusterApi.safeServer("https://127.0.0.1:6443/"))
        .isEqualTo("https://127.0.0.1:6443");
  }

  private static String chain(Throwable t) {
    StringBuilder s = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      s.append(" <- ").append(c.getClass().getName()).append(": ").append(c.getMessage());
    }
    return s.toString();
  }
}
