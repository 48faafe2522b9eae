package com.kitchencpq.paramkernel.service.warmup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WarmupOptionsTest {

  @Test
  void defaultsAreThePlansWarmupProfile() throws Exception {
    WarmupOptions o = WarmupOptions.parse("--target=http://canary.kitchen-cpq.svc:80/");
    assertThat(o.target().toString()).isEqualTo("http://canary.kitchen-cpq.svc:80");
    assertThat(o.requests()).isEqualTo(200);
    assertThat(o.ratePerSecond()).isEqualTo(20);
    assertThat(o.concurrency()).isEqualTo(5);
    assertThat(o.maxP95Millis()).isEqualTo(45);
    assertThat(o.maxP99Millis()).isEqualTo(70);
    assertThat(o.requestTimeout()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void theTemplatesCommandLineParses() throws Exception {
    WarmupOptions o = WarmupOptions.parse("--target=http://svc.ns.svc:80", "--requests=200", "--rate=20",
        "--concurrency=5", "--max-p95-ms=45", "--max-p99-ms=70");
    assertThat(o.requests()).isEqualTo(200);
  }

  @Test
  void badArgumentsNameTheOption() {
    assertThatThrownBy(() -> WarmupOptions.parse()).hasMessageContaining("--target is required");
    assertThatThrownBy(() -> WarmupOptions.parse("--target=ftp://x")).hasMessageContaining("--target must be an http(s) URL");
    assertThatThrownBy(() -> WarmupOptions.parse("--target=http://x", "--rate=0")).hasMessageContaining("--rate must be a positive number");
    assertThatThrownBy(() -> WarmupOptions.parse("--target=http://x", "--requests=ten")).hasMessageContaining("--requests must be a positive whole number");
    assertThatThrownBy(() -> WarmupOptions.parse("--target=http://x", "--speed=3")).hasMessageContaining("unknown option --speed");
    assertThatThrownBy(() -> WarmupOptions.parse("target")).hasMessageContaining("--name=value");
  }
}
