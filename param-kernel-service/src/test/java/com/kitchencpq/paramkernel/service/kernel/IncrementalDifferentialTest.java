package com.kitchencpq.paramkernel.service.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Incremental recomputation (only what depends on inputs that really changed) must give exactly the
 * answer of a full recomputation, error or not, on many random models and delta lists.
 */
class IncrementalDifferentialTest {

  private static String outcome(ThrowingApply f, byte[] body) {
    try {
      return "200 " + new String(f.apply(body), StandardCharsets.UTF_8);
    } catch (ApplyDeltaException e) {
      return e.kind() + " " + e.code() + " " + e.pointer() + " " + e.getMessage();
    }
  }

  interface ThrowingApply {
    byte[] apply(byte[] body) throws ApplyDeltaException;
  }

  @Test
  void incrementalEqualsFullRecomputation() {
    Random rnd = new Random(42);
    RandomModels models = new RandomModels(rnd);
    ApplyDeltaKernel cached = new ApplyDeltaKernel(64);
    ApplyDeltaKernel uncached = new ApplyDeltaKernel(0);
    int ok = 0;
    int changedSomething = 0;
    for (int i = 0; i < 5000; i++) {
      byte[] body = models.next().getBytes(StandardCharsets.UTF_8);
      String incremental = outcome(cached::apply, body);
      String full = outcome(uncached::applyWithFullRecompute, body);
      assertThat(incremental).as(new String(body, StandardCharsets.UTF_8)).isEqualTo(full);
      assertThat(outcome(uncached::apply, body)).isEqualTo(full);
      if (incremental.startsWith("200")) {
        ok++;
        if (!incremental.contains("\"changed\":{}")) {
          changedSomething++;
        }
      }
    }
    // the generator must exercise the interesting path, not only errors
    assertThat(ok).isGreaterThan(2000);
    assertThat(changedSomething).isGreaterThan(1000);
  }

  @Test
  void baselineIncrementalEqualsFull() throws ApplyDeltaException {
    ApplyDeltaKernel k = new ApplyDeltaKernel();
    byte[] body = BaselinePayload.request();
    assertThat(k.apply(body)).isEqualTo(k.applyWithFullRecompute(body));
  }
}
