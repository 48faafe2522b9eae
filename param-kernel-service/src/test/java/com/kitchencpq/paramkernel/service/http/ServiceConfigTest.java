package com.kitchencpq.paramkernel.service.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceConfigTest {

  @Test
  void defaultsWhenNothingIsSet() throws Exception {
    ServiceConfig c = ServiceConfig.fromEnv(Map.of());
    assertThat(c)
        .isEqualTo(
            new ServiceConfig(
                "0.0.0.0", 8080, 1024 * 1024, Duration.ofSeconds(30), Duration.ofSeconds(5)));
  }

  @Test
  void readsEveryVariable() throws Exception {
    ServiceConfig c =
        ServiceConfig.fromEnv(
            Map.of(
                "HOST",
                "127.0.0.1",
                "PORT",
                "0",
                "BODY_LIMIT_BYTES",
                "2048",
                "SHUTDOWN_GRACE_SECONDS",
                "10",
                "SHUTDOWN_DRAIN_SECONDS",
                "3"));
    assertThat(c)
        .isEqualTo(
            new ServiceConfig("127.0.0.1", 0, 2048, Duration.ofSeconds(10), Duration.ofSeconds(3)));
  }

  @Test
  void drainDefaultsToHalfOfAShortGracePeriod() throws Exception {
    assertThat(ServiceConfig.fromEnv(Map.of("SHUTDOWN_GRACE_SECONDS", "3")).shutdownDrain())
        .isEqualTo(Duration.ofMillis(1500));
    assertThat(ServiceConfig.fromEnv(Map.of("SHUTDOWN_GRACE_SECONDS", "0")).shutdownDrain())
        .isEqualTo(Duration.ZERO);
  }

  @Test
  void badValuesNameTheVariable() {
    Map<String, String[]> bad =
        Map.of(
            "PORT", new String[] {"abc", "-1", "65536", "", " ", "8080x", "+80", "1e3"},
            "BODY_LIMIT_BYTES", new String[] {"0", "1MB", "99999999999", "-5"},
            "SHUTDOWN_GRACE_SECONDS", new String[] {"-1", "30s", "3601"},
            "HOST", new String[] {"", " ", " 127.0.0.1"});
    bad.forEach(
        (name, values) -> {
          for (String v : values) {
            assertThatThrownBy(() -> ServiceConfig.fromEnv(Map.of(name, v)))
                .as("%s=%s", name, v)
                .isInstanceOf(ServiceConfig.InvalidConfigException.class)
                .hasMessageStartingWith(name + "=")
                .hasNoCause();
          }
        });
  }

  @Test
  void drainLongerThanGraceIsRejected() {
    assertThatThrownBy(
            () ->
                ServiceConfig.fromEnv(
                    Map.of("SHUTDOWN_GRACE_SECONDS", "4", "SHUTDOWN_DRAIN_SECONDS", "5")))
        .isInstanceOf(ServiceConfig.InvalidConfigException.class)
        .hasMessageContaining("SHUTDOWN_DRAIN_SECONDS=\"5\"")
        .hasMessageContaining("SHUTDOWN_GRACE_SECONDS");
  }

  @Test
  void controlCharactersInBadValuesAreNotEchoed() {
    assertThatThrownBy(() -> ServiceConfig.fromEnv(Map.of("PORT", "80\n80")))
        .hasMessageContaining("PORT=\"80?80\"")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }
}
