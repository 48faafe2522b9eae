package com.kitchencpq.paramkernel.plugin.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Durations of the plugin's own properties: one grammar for every goal. */
class DurationsTest {
  @Test
  void durationsParseWithUnits() throws Exception {
    assertThat(Durations.parse("15s", "p")).isEqualTo(Duration.ofSeconds(15));
    assertThat(Durations.parse("1.5s", "p")).isEqualTo(Duration.ofMillis(1500));
    assertThat(Durations.parse("500ms", "p")).isEqualTo(Duration.ofMillis(500));
    assertThat(Durations.parse("2", "p")).isEqualTo(Duration.ofSeconds(2));
    assertThat(Durations.parse("0.25", "p")).isEqualTo(Duration.ofMillis(250));
    assertThat(Durations.parse("1m", "p")).isEqualTo(Duration.ofMinutes(1));
    assertThat(Durations.parse("45M", "p")).isEqualTo(Duration.ofMinutes(45));
    assertThat(Durations.parse("1h", "p")).isEqualTo(Duration.ofHours(1));
    assertThat(Durations.parse("PT2M", "p")).isEqualTo(Duration.ofMinutes(2));
    assertThat(Durations.parse("pt90s", "p")).isEqualTo(Duration.ofSeconds(90));
    assertThat(Durations.parse(" 30 ", "p")).isEqualTo(Duration.ofSeconds(30));
    assertThat(Durations.parse("0", "p")).isZero();
  }

  @Test
  void garbageAndNegativeDurationsNameTheProperty() {
    for (String bad :
        new String[] {
          "soon", "", "-1s", "NaNs", "Infinity", "1.5m", "P", "1d", "2f", "0x1p4", "1e3", "+5s"
        }) {
      assertThatThrownBy(() -> Durations.parse(bad, "paramkernel.resolve.timeout"))
          .as(bad)
          .isInstanceOf(GoalException.class)
          .hasMessageContaining("paramkernel.resolve.timeout")
          .hasMessageContaining("'" + bad + "'");
    }
  }

  @Test
  void aTimeoutMustBeLongerThanZero() throws Exception {
    assertThat(Durations.parsePositive("60m", "p")).isEqualTo(Duration.ofHours(1));
    assertThatThrownBy(() -> Durations.parsePositive("0s", "paramkernel.rollout.timeout"))
        .hasMessageContaining("paramkernel.rollout.timeout must be longer than zero");
  }
}
