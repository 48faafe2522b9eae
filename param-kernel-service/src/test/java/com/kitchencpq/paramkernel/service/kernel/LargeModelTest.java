package com.kitchencpq.paramkernel.service.kernel;

import static com.kitchencpq.paramkernel.service.kernel.Requests.changed;
import static com.kitchencpq.paramkernel.service.kernel.Requests.err;
import static com.kitchencpq.paramkernel.service.kernel.Requests.ok;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Models at the contract's size limits: long dependency chains must not exhaust the stack. */
class LargeModelTest {

  @Test
  void chainOfTenThousandParameters() {
    StringBuilder p = new StringBuilder("{'name':'p0','value':1}");
    for (int i = 1; i < RequestReader.MAX_PARAMETERS; i++) {
      p.append(",{'name':'p").append(i).append("','expr':'p").append(i - 1).append(" + 1'}");
    }
    String r = ok(Requests.withDeltas(p.toString(), "{'op':'add','param':'p0','value':1}"));
    assertThat(changed(r)).startsWith("{\"p0\":2,\"p1\":3,").endsWith(",\"p9999\":10001}");
  }

  @Test
  void chainInReverseModelOrderAndALongCycle() {
    int n = RequestReader.MAX_PARAMETERS;
    StringBuilder p = new StringBuilder();
    for (int i = n - 1; i >= 1; i--) {
      p.append("{'name':'p").append(i).append("','expr':'p").append(i - 1).append(" * 1'},");
    }
    p.append("{'name':'p0','expr':'p").append(n - 1).append("'}");
    ApplyDeltaException e = err(Requests.params(p.toString()));
    assertThat(e.code()).isEqualTo("cycle");
    assertThat(e.getMessage()).contains("p9999 -> p9998 -> ").endsWith("-> p9999");
  }

  @Test
  void tenThousandParts() {
    StringBuilder parts = new StringBuilder();
    for (int i = 0; i < RequestReader.MAX_PARTS; i++) {
      parts
          .append(i == 0 ? "" : ",")
          .append("{'id':'p")
          .append(i)
          .append("','material':'m','area':'a','quantity':2}");
    }
    String r =
        ok(
            Requests.model(
                "{'name':'a','value':0.5}", "{'id':'m','pricePerM2':2}", parts.toString(), ""));
    assertThat(r).contains("{\"id\":\"m\",\"area\":10000,\"cost\":20000}");
  }

  @Test
  void wideExpressions() {
    StringBuilder e = new StringBuilder("min(");
    for (int i = 0; i < 2000; i++) { // just under the 10,000 character limit
      e.append(i == 0 ? "" : ",").append(i);
    }
    e.append(")");
    String r = ok(Requests.params("{'name':'d','expr':'" + e + "','max':-1}"));
    assertThat(r).contains("'d' is 0, above its max -1");
  }
}
