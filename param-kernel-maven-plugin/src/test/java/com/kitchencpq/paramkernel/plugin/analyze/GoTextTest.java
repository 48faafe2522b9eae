package com.kitchencpq.paramkernel.plugin.analyze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Go's text conversions as the analysis shows them. */
class GoTextTest {

  @ParameterizedTest
  @CsvSource({
    "0.1, 0.1",
    "10, 10",
    "0.0012, 0.0012",
    "1e-7, 0.0000001",
    "123456789, 123456789",
    "1e21, 1000000000000000000000",
    "0.30000000000000004, 0.30000000000000004",
    "-2.5, -2.5",
    "0.028500000000000004, 0.028500000000000004"
  })
  void formatFloatIsShortestWithoutExponent(double v, String expected) {
    assertThat(GoText.formatFloat(v)).isEqualTo(expected);
  }

  @Test
  void specialValuesAreWrittenAsPrometheusAndGoWriteThem() {
    assertThat(GoText.formatFloat(Double.NaN)).isEqualTo("NaN");
    assertThat(GoText.formatFloat(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
    assertThat(GoText.formatFloat(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
    assertThat(GoText.formatFloat(0.0)).isEqualTo("0");
    assertThat(GoText.formatFloat(-0.0)).isEqualTo("-0");
  }

  @ParameterizedTest
  @CsvSource({
    "1, 1",
    "100000, 100000",
    "1000000, 1e+06",
    "1500000, 1.5e+06",
    "0.0001, 0.0001",
    "0.00001, 1e-05",
    "3.25, 3.25"
  })
  void percentVIsGWithShortestPrecision(double v, String expected) {
    assertThat(GoText.formatV(v)).isEqualTo(expected);
  }

  @Test
  void parseFloatAcceptsWhatPrometheusSends() {
    assertThat(GoText.parseFloat("NaN")).isNaN();
    assertThat(GoText.parseFloat("+Inf")).isInfinite().isPositive();
    assertThat(GoText.parseFloat("-Inf")).isInfinite().isNegative();
    assertThat(GoText.parseFloat("0.025")).isEqualTo(0.025);
    assertThat(GoText.parseFloat("1e-3")).isEqualTo(0.001);
    assertThatThrownBy(() -> GoText.parseFloat("abc"))
        .hasMessage("strconv.ParseFloat: parsing \"abc\": invalid syntax");
  }

  @Test
  void quoteEscapesLikeStrconv() {
    assertThat(GoText.quote("a\"b\\c\nd\te\u0007\u007f\u00a0\u00e9"))
        .isEqualTo("\"a\\\"b\\\\c\\nd\\te\\a\\x7f\\u00a0\u00e9\"");
  }

  @Test
  void jsonRoundTrip() {
    String s = "x\"y\\z\n\u0001";
    assertThat(GoText.jsonUnescape(GoText.jsonEscape(s))).isEqualTo(s);
    assertThatThrownBy(() -> GoText.jsonUnescape("\\a"))
        .hasMessage("invalid character 'a' in string escape code");
  }
}
