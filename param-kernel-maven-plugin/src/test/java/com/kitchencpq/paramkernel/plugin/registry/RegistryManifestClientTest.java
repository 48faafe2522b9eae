package com.kitchencpq.paramkernel.plugin.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.kitchencpq.paramkernel.plugin.core.GoalException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The client's reading of registry names; its requests are covered by ResolveDigestIT. */
class RegistryManifestClientTest {

  private static RegistryManifestClient client(String registry) throws GoalException {
    RegistryManifestClient.Options options =
        new RegistryManifestClient.Options(true, false, Duration.ofSeconds(5));
    CredentialLookup none =
        new CredentialLookup(
            ImageName.parse(registry + "/a/b"),
            registry + "/a/b",
            ids -> Optional.empty(),
            Map.of(),
            Path.of("/nonexistent"),
            m -> {});
    return new RegistryManifestClient(
        registry, "a/b", options, none, RetryBudget.startingNow(Duration.ofSeconds(5)), m -> {});
  }

  @ParameterizedTest
  @CsvSource({
    "ghcr.io, ghcr.io:443",
    "127.0.0.1:5000, 127.0.0.1:5000",
    "localhost:5000, localhost:5000",
    "registry.example.com:8443, registry.example.com:8443"
  })
  void messagesNameTheHostAndTheEffectivePort(String registry, String hostPort)
      throws GoalException {
    assertThat(client(registry).hostPort()).isEqualTo(hostPort);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "localhost",
        "LOCALHOST",
        "127.0.0.1",
        "127.1.2.254",
        "127.255.255.255",
        "127.0.0.0",
        "[::1]",
        "::1",
        "0:0:0:0:0:0:0:1"
      })
  void loopbackHosts(String host) {
    assertThat(RegistryNames.isLoopback(host)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "127.0.0",
        "127.0.0.1.5",
        "127.0.0.1000",
        "127.a.0.1",
        "128.0.0.1",
        "127..0.1",
        "localhost.example.com",
        "10.0.0.1",
        "[::2]",
        "127.0.0.300",
        "127.256.0.1",
        "127.0.0.01",
        "127.00.0.1"
      })
  void otherHosts(String host) {
    assertThat(RegistryNames.isLoopback(host)).isFalse();
  }

  @Test
  void noHostIsNotLoopback() {
    assertThat(RegistryNames.isLoopback(null)).isFalse();
  }
}
