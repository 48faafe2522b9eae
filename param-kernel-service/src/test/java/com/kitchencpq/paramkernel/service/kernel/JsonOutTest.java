package com.kitchencpq.paramkernel.service.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonOutTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "0, 0",
    "-0.0, 0",
    "1, 1",
    "-42, -42",
    "0.1, 0.1",
    "0.30000000000000004, 0.30000000000000004",
    "1.5, 1.5",
    "-2.25, -2.25",
    "0.0001, 0.0001",
    "0.000001, 0.000001",
    "0.0000001, 1e-7",
    "1.5e-7, 1.5e-7",
    "123456.789, 123456.789",
    "999999999999999, 999999999999999",
    "1e15, 1000000000000000",
    "1e16, 10000000000000000",
    "1.0000000000000002e16, 10000000000000002",
    "1e21, 1e+21",
    "1.2345e22, 1.2345e+22",
    "-1e-300, -1e-300",
    "4.9e-324, 4.9e-324",
    "1.7976931348623157e308, 1.7976931348623157e+308",
    "100.5, 100.5",
    "495.00000000000006, 495.00000000000006"
  })
  void numberFormat(double value, String expected) {
    assertThat(JsonOut.formatNumber(value)).isEqualTo(expected);
  }

  @Test
  void numbersRoundTripExactly() {
    Random rnd = new Random(7);
    java.util.regex.Pattern grammar =
        java.util.regex.Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?(e[+-][0-9]+)?");
    for (int i = 0; i < 100_000; i++) {
      double d =
          switch (i % 4) {
            case 0 -> Double.longBitsToDouble(rnd.nextLong());
            case 1 -> rnd.nextDouble() * Math.pow(10, rnd.nextInt(40) - 20);
            case 2 -> Math.round(rnd.nextDouble() * 1e6) / 1e4;
            default -> (double) rnd.nextInt();
          };
      if (!Double.isFinite(d)) {
        continue;
      }
      String s = JsonOut.formatNumber(d);
      if (Double.parseDouble(s) != d || !grammar.matcher(s).matches()) {
        throw new AssertionError(d + " printed as " + s);
      }
    }
  }

  @Test
  void stringsAreAsciiWithEscapes() {
    JsonOut out = new JsonOut(4);
    out.string("a\"b\\c\n\r\t\u0001é\uD83D\uDE00\uD800");
    assertThat(new String(out.toBytes(), StandardCharsets.US_ASCII))
        .isEqualTo("\"a\\\"b\\\\c\\n\\r\\t\\u0001\\u00e9\\ud83d\\ude00\\ud800\"");
  }
}
