package com.kitchencpq.paramkernel.service.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class BaselinePayloadTest {

  @Test
  void isDeterministicAndHashed() throws Exception {
    byte[] a = BaselinePayload.request();
    byte[] b = BaselinePayload.request();
    assertThat(a).isEqualTo(b).isNotSameAs(b);
    String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(a));
    assertThat(BaselinePayload.sha256()).isEqualTo(hex).hasSize(64);
  }

  @Test
  void itsBytesAreTheOnesTheBenchmarksAndWarmupLogsRecorded() {
    // benchmarks/kernel-jmh.md and every warm-up run log name the payload by this hash
    assertThat(BaselinePayload.sha256())
        .isEqualTo("d73aa6bb7b411dc40c1ba9dfb653f86effa4c3dca5725119c7a298b041eb08f0");
    assertThat(BaselinePayload.request()).hasSize(21_875);
  }

  @Test
  void hasTheSizeAndMixOfTheRolloutPlan() throws Exception {
    byte[] body = BaselinePayload.request();
    assertThat(body.length).isBetween(18_000, 24_000);
    Request req = RequestReader.read(body);
    assertThat(req.params).hasSizeBetween(150, 170);
    assertThat(req.params.stream().filter(p -> p.expr != null).count()).isGreaterThan(100);
    String all = new String(body, StandardCharsets.UTF_8);
    assertThat(all).contains("if(", "min(", "max(", "round(", "clamp(");
    assertThat(req.parts).hasSize(40);
    assertThat(req.materials).hasSize(3);
    assertThat(req.deltas).hasSize(5);
  }

  @Test
  void isAcceptedByTheKernel() throws Exception {
    String out =
        new String(new ApplyDeltaKernel().apply(BaselinePayload.request()), StandardCharsets.UTF_8);
    assertThat(out).startsWith("{\"modelId\":\"kitchen-baseline-0001\",\"revision\":42,");
    assertThat(out).contains("\"cab3.width\":650", "\"front.material\":\"laminate\"");
    assertThat(out).contains("\"total\":");
  }

  @Test
  void theSmallWarmUpRequestIsAcceptedByTheKernel() throws Exception {
    byte[] small = BaselinePayload.smallRequest();
    assertThat(small.length).isLessThan(1_000);
    String out = new String(new ApplyDeltaKernel().apply(small), StandardCharsets.UTF_8);
    assertThat(out).startsWith("{\"modelId\":\"warm-up-small\",\"revision\":2,");
    assertThat(out).contains("\"front.material\":\"white-laminate\"", "\"total\":");
  }
}
