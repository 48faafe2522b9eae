package com.kitchencpq.paramkernel.plugin.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PrometheusAddressTest {
  private static final String P = "paramkernel.prometheusAddress";

  @Test
  void acceptsHttpAndHttpsUrls() throws Exception {
    assertThat(PrometheusAddress.requireValid(" http://prometheus.monitoring.svc:9090 ", P))
        .isEqualTo("http://prometheus.monitoring.svc:9090");
    assertThat(PrometheusAddress.requireValid("https://thanos.example.org/prometheus", P))
        .isEqualTo("https://thanos.example.org/prometheus");
  }

  @Test
  void rejectsWhatArgoCannotUseNamingTheProperty() {
    for (String bad :
        new String[] {
          "",
          "prometheus:9090",
          "ftp://h/",
          "http://",
          "http://h:9090/a b",
          "http://h:9090/?q=1",
          "not a url",
          "http://h/}"
        }) {
      assertThatThrownBy(() -> PrometheusAddress.requireValid(bad, P))
          .as(bad)
          .isInstanceOf(RenderException.class)
          .hasMessageStartingWith(P);
    }
  }

  @Test
  void rejectsCredentialsWithoutRepeatingThem() {
    assertThatThrownBy(
            () -> PrometheusAddress.requireValid("https://user:s3cret@prom.example:9090", P))
        .hasMessageContaining("must not contain credentials")
        .hasMessageNotContaining("s3cret");
  }
}
