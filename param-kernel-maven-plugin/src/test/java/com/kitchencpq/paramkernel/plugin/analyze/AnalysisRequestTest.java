package com.kitchencpq.paramkernel.plugin.analyze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kitchencpq.paramkernel.plugin.argo.ArgoVersion;
import com.kitchencpq.paramkernel.plugin.core.GoalException;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The goal's inputs as users write them. */
class AnalysisRequestTest {
  private static final String ARGS = "paramkernel.analyze.args";
  private static final String START = "paramkernel.analyze.start";

  @Test
  void argsAreNameValuePairs() throws Exception {
    assertThat(
            AnalysisRequest.parseArgs(
                "service-name=param-kernel-service-canary, namespace=kitchen-cpq", ARGS))
        .containsExactly(
            Map.entry("service-name", "param-kernel-service-canary"),
            Map.entry("namespace", "kitchen-cpq"));
    assertThat(AnalysisRequest.parseArgs("re=a\\,b|c,q=x=y,empty=", ARGS))
        .containsExactly(Map.entry("re", "a,b|c"), Map.entry("q", "x=y"), Map.entry("empty", ""));
    assertThat(AnalysisRequest.parseArgs("", ARGS)).isEmpty();
  }

  @Test
  void badArgsNameTheProperty() {
    assertThatThrownBy(() -> AnalysisRequest.parseArgs("service-name", ARGS))
        .isInstanceOf(GoalException.class)
        .hasMessage(
            "paramkernel.analyze.args: 'service-name' is not name=value; write the arguments as"
                + " name=value,name=value");
    assertThatThrownBy(() -> AnalysisRequest.parseArgs("a=1,a=2", ARGS))
        .hasMessage("paramkernel.analyze.args gives the argument 'a' twice; give it once");
  }

  @Test
  void theStartIsAnIsoInstantOrEpochSeconds() throws Exception {
    Instant t = Instant.parse("2026-12-01T10:00:00Z");
    assertThat(AnalysisRequest.Mode.parseStart("2026-12-01T10:00:00Z", START)).isEqualTo(t);
    assertThat(AnalysisRequest.Mode.parseStart("2026-12-01T11:00:00+01:00", START)).isEqualTo(t);
    assertThat(AnalysisRequest.Mode.parseStart(Long.toString(t.getEpochSecond()), START))
        .isEqualTo(t);
    assertThat(AnalysisRequest.Mode.parseStart(t.getEpochSecond() + ".5", START))
        .isEqualTo(t.plusMillis(500));
  }

  @Test
  void aBadStartNamesTheProperty() {
    assertThatThrownBy(() -> AnalysisRequest.Mode.parseStart("yesterday", START))
        .isInstanceOf(GoalException.class)
        .hasMessage(
            "paramkernel.analyze.start=yesterday is not an instant; write an ISO-8601 instant with"
                + " its zone (2026-12-01T10:00:00Z) or Unix epoch seconds (1796119200)");
    assertThatThrownBy(() -> AnalysisRequest.Mode.parseStart("2026-12-01T10:00:00", START))
        .isInstanceOf(GoalException.class);
  }

  @Test
  void releasesAreKnownByVersion() {
    assertThat(ArgoVersion.parse("1.9")).contains(ArgoVersion.V1_9);
    assertThat(ArgoVersion.parse("v1.10")).contains(ArgoVersion.V1_10);
    assertThat(ArgoVersion.parse("1.6")).isEmpty();
    assertThat(ArgoVersion.known()).startsWith("1.7, 1.8, 1.9 (default), 1.10");
  }
}
