package com.kitchencpq.paramkernel.service.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.kitchencpq.paramkernel.service.kernel.ErrorKind;
import org.junit.jupiter.api.Test;

/** The contract's status for each kind of refusal (HttpRulesIT checks them over real HTTP). */
class ErrorStatusTest {
  @Test
  void badRequestIs400AndUnprocessableIs422() {
    assertThat(ErrorStatus.of(ErrorKind.BAD_REQUEST)).isEqualTo(400);
    assertThat(ErrorStatus.of(ErrorKind.UNPROCESSABLE)).isEqualTo(422);
  }

  @Test
  void everyKindHasAClientErrorStatus() {
    for (ErrorKind kind : ErrorKind.values()) {
      assertThat(ErrorStatus.of(kind)).as(kind.name()).isBetween(400, 499);
    }
  }
}
