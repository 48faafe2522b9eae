package com.kitchencpq.paramkernel.plugin.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DigestsTest {
  private static final String GOOD = "sha256:" + "ab".repeat(32);

  @Test
  void acceptsOnlySha256WithLowercaseHex() throws Exception {
    assertThat(Digests.requireValid(" " + GOOD + " ", "paramkernel.digest")).isEqualTo(GOOD);
    for (String bad :
        new String[] {
          "",
          "sha256:abc",
          "sha256:" + "AB".repeat(32),
          "sha512:" + "ab".repeat(64),
          GOOD + "0",
          "ab".repeat(32)
        }) {
      assertThatThrownBy(() -> Digests.requireValid(bad, "paramkernel.digest"))
          .isInstanceOf(GoalException.class)
          .hasMessageContaining("paramkernel.digest must be sha256:");
    }
  }

  @Test
  void hashesBytes() {
    assertThat(Digests.sha256("abc".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }
}
