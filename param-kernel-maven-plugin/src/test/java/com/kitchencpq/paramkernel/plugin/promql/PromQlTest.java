package com.kitchencpq.paramkernel.plugin.promql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PromQlTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = " => ",
      value = {
        "sum(rate(http_requests_total{code=~\"5..\"}[1m])) / sum(rate(http_requests_total[1m])) =>"
            + " VECTOR",
        "scalar(sum(rate(x[1m]))) => SCALAR",
        "1 - scalar(sum(rate(x[1m]))) => SCALAR",
        "(scalar(a) / scalar(b)) => SCALAR",
        "42 => SCALAR",
        "time() - 60 => SCALAR",
        "vector(1) => VECTOR",
        "scalar(a) * b => VECTOR",
        "up => VECTOR",
        "histogram_quantile(0.95, sum by (le) (rate(x_bucket[1m]))) => VECTOR",
        "{{args.query}} => UNKNOWN",
      })
  void tellsTheResultShape(String query, PromQl.Shape shape) {
    assertThat(PromQl.parse(query)).get().extracting(PromQl::shape).isEqualTo(shape);
  }

  @Test
  void readsSelectorsMatchersAndRanges() {
    PromQl.Node n =
        PromQl.parse(
                """
                (sum(rate(http_requests_total{service="{{args.service-name}}",namespace="{{args.namespace}}",code=~"5.."}[1m])) or on() vector(0))
                /
                sum(rate(http_requests_total{service="{{args.service-name}}"}[{{args.window}}]))
                """)
            .orElseThrow();
    List<PromQl.Selector> s = PromQl.selectors(n);
    assertThat(s)
        .extracting(PromQl.Selector::name)
        .containsExactly("http_requests_total", "http_requests_total");
    assertThat(s.get(0).matchers())
        .extracting(PromQl.Matcher::label)
        .containsExactly("service", "namespace", "code");
    assertThat(s.get(0).range()).isEqualTo("1m");
    assertThat(s.get(1).range()).isEqualTo("{{args.window}}");
    assertThat(PromQl.unwrap(n)).isInstanceOf(PromQl.Binary.class);
  }

  @Test
  void aggregationGroupingIsKeptEitherSide() {
    PromQl.Agg before = (PromQl.Agg) PromQl.parse("sum by (le) (rate(x_bucket[1m]))").orElseThrow();
    PromQl.Agg after =
        (PromQl.Agg) PromQl.parse("sum(rate(x_bucket[1m])) without (pod)").orElseThrow();
    assertThat(before.grouping()).isEqualTo("by");
    assertThat(before.labels()).containsExactly("le");
    assertThat(after.grouping()).isEqualTo("without");
  }

  @Test
  void unreadableQueryIsEmpty() {
    assertThat(PromQl.parse("sum(rate(x[1m])")).isEmpty();
    assertThat(PromQl.parse("x{service=}")).isEmpty();
  }

  @Test
  void keepsTheBoolModifierOfAComparison() {
    PromQl.Binary filter = (PromQl.Binary) PromQl.parse("sum(rate(x[1m])) >= 1").orElseThrow();
    PromQl.Binary bool = (PromQl.Binary) PromQl.parse("sum(rate(x[1m])) >= bool 1").orElseThrow();
    assertThat(filter.op()).isEqualTo(">=");
    assertThat(filter.bool()).isFalse();
    assertThat(bool.op()).isEqualTo(">=");
    assertThat(bool.bool()).isTrue();
  }
}
