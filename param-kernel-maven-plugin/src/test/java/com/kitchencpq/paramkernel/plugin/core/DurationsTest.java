package com.kitchencpq.paramkernel.plugin.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Durations of the plugin's own properties. */
class DurationsTest {
  @Test
  void durationsParseWithUnitsAndRejectGarbage() throws Exception {
    assertThat(Durations.parse("15s", "p")).isEqualTo(Duration.ofSeconds(15));
    assertThat(Durations.parse("500ms", "p")).isEqualTo(Duration.ofMillis(500));
    assertThat(Durations.parse("2", "p")).isEqualTo(Duration.ofSeconds(2));
    assertThat(Durations.parse("1m", "p")).isEqualTo(Duration.ofMinutes(1));
    assertThatThrownBy(() -> Durations.parse("soon", "paramkernel.resolve.timeout"))
        .hasMessageContaining("paramkernel.resolve.timeout");
  }
}
