package com.kitchencpq.paramkernel.plugin.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rangeQuery time expressions of Argo's docs and tests ({@code now() - duration("5m")}, {@code
 * metricproviders/prometheus/prometheus_test.go} TestRunSuccessfullyWithRangeQuery), with expr's
 * runtime arithmetic on times and durations ({@code vm/runtime/generated.go}).
 */
class TimeExpressionTest {
  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = " => ",
      value = {
        "now() => 2026-12-01T10:00:00Z",
        "now() - duration('5m') => 2026-12-01T09:55:00Z",
        "now() - duration(\"1h30m\") => 2026-12-01T08:30:00Z",
        "now() + duration('1.5s') => 2026-12-01T10:00:01.500Z",
        "duration('10s') + now() => 2026-12-01T10:00:10Z",
        "now() - duration('1m') * 3 => 2026-12-01T09:57:00Z",
        "now() - (duration('1m') + duration('30s')) => 2026-12-01T09:58:30Z",
        "date('2026-11-30T08:00:00Z') => 2026-11-30T08:00:00Z",
        "date('2026-11-30') + duration('2h') => 2026-11-30T02:00:00Z",
      })
  void evaluatesLikeExpr(String expression, String expected) throws Exception {
    assertThat(TimeExpression.evaluate(expression, NOW)).isEqualTo(Instant.parse(expected));
  }

  @Test
  void aResultThatIsNotATimeIsExprsRunTimeError() {
    assertThatThrownBy(() -> TimeExpression.evaluate("duration('5m')", NOW))
        .isInstanceOf(TimeExpression.Failure.class)
        .hasMessage("expected time.Time, but got time.Duration");
  }

  @Test
  void aBadDurationFailsWithGosMessage() {
    assertThatThrownBy(() -> TimeExpression.evaluate("now() - duration('5 minutes')", NOW))
        .isInstanceOf(TimeExpression.Failure.class)
        .hasMessage("time: unknown unit \" minutes\" in duration \"5 minutes\"");
    assertThatThrownBy(() -> TimeExpression.evaluate("now() - duration('5')", NOW))
        .isInstanceOf(TimeExpression.Failure.class)
        .hasMessage("time: missing unit in duration \"5\"");
  }

  @Test
  void whatIsNotModelledIsSaidSo() {
    assertThatThrownBy(() -> TimeExpression.evaluate("now().Add(duration('1m'))", NOW))
        .isInstanceOf(TimeExpression.Unsupported.class);
    assertThatThrownBy(() -> TimeExpression.evaluate("date('Mon, 02 Jan 2006 15:04:05 MST')", NOW))
        .isInstanceOf(TimeExpression.Unsupported.class)
        .hasMessageContaining("layout");
  }
}
