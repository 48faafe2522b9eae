package com.kitchencpq.paramkernel.service.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Thousands of mutated requests from a seeded generator: every one must give a 200 body that is
 * valid JSON or an ApplyDeltaException (BAD_REQUEST or UNPROCESSABLE) with a contract code of its
 * kind, never any other exception or error.
 */
class KernelFuzzTest {
  private static final Set<String> CODES_400 = Set.of("malformed-json", "invalid-request");
  private static final Set<String> CODES_422 =
      Set.of(
          "unknown-parameter",
          "derived-parameter",
          "type-mismatch",
          "unknown-reference",
          "unknown-material",
          "expression-syntax",
          "cycle",
          "non-finite",
          "invalid-part",
          "invalid-argument");

  private static final String[] SNIPPETS = {
    "null",
    "true",
    "false",
    "0",
    "-0",
    "1e400",
    "-1e400",
    "1e-400",
    "9007199254740993",
    "123456789012345678901234567890",
    "\"\"",
    "\"x\"",
    "[]",
    "{}",
    "[[[[[[[[[[",
    "]]]]",
    "\"\\ud800\"",
    "\"\\u0000\"",
    "NaN",
    "Infinity",
    "\"a\\\"b\"",
    "{\"expr\":\"1/0\"}",
    "\"true\"",
    "\"false\"",
    "3.0",
    "1e9999999999",
    "1e-9999999999",
    "0e99999999999",
    "-1e2147483648",
    "9007199254740991.000000000000001",
    "1.5",
    "\"if(\"",
    "\"((((((((((((((((1\"",
    ",",
    ":"
  };

  private static final String EXPR_ALPHABET = "ab.c_01239e+-*/%!<>=&|(),\" \\truefalsminxdoclp";

  private final JsonFactory json = new JsonFactory();

  @Test
  void mutatedRequestsNeverCrashTheKernel() throws Exception {
    Random rnd = new Random(20261126L);
    ApplyDeltaKernel kernel = new ApplyDeltaKernel(32);
    byte[] baseline = BaselinePayload.request();
    RandomModels models = new RandomModels(rnd);
    int answered200 = 0;
    int answered400 = 0;
    int answered422 = 0;
    for (int i = 0; i < 12_000; i++) {
      byte[] seed = i % 3 == 0 ? baseline : models.next().getBytes(StandardCharsets.UTF_8);
      byte[] body = mutate(rnd, seed, i);
      try {
        byte[] out = kernel.apply(body);
        assertValidJson(out);
        answered200++;
      } catch (ApplyDeltaException e) {
        if (e.kind() == ErrorKind.BAD_REQUEST) {
          assertThat(CODES_400).as(e.getMessage()).contains(e.code());
          answered400++;
        } else {
          assertThat(e.kind()).as(e.getMessage()).isEqualTo(ErrorKind.UNPROCESSABLE);
          assertThat(CODES_422).as(e.getMessage()).contains(e.code());
          answered422++;
        }
        assertThat(e.pointer())
            .satisfiesAnyOf(p -> assertThat(p).isEmpty(), p -> assertThat(p).startsWith("/"));
        assertThat(e.getMessage()).isNotBlank();
        assertValidJson(e.toJson());
      } catch (Throwable t) {
        throw new AssertionError(
            "input #" + i + " (base64 " + Base64.getEncoder().encodeToString(body) + ") threw " + t,
            t);
      }
    }
    // every kind of outcome must be well represented, or the fuzzing proves little
    String counts = answered200 + " x 200, " + answered400 + " x 400, " + answered422 + " x 422";
    assertThat(answered200).as(counts).isGreaterThan(100);
    assertThat(answered400).as(counts).isGreaterThan(2000);
    assertThat(answered422).as(counts).isGreaterThan(100);
  }

  @Test
  void randomExpressionsNeverCrashTheCompiler() throws Exception {
    Random rnd = new Random(99);
    ApplyDeltaKernel kernel = new ApplyDeltaKernel(8);
    for (int i = 0; i < 10_000; i++) {
      StringBuilder expr = new StringBuilder();
      int len = 1 + rnd.nextInt(30);
      for (int k = 0; k < len; k++) {
        expr.append(EXPR_ALPHABET.charAt(rnd.nextInt(EXPR_ALPHABET.length())));
      }
      String escaped = expr.toString().replace("\\", "\\\\").replace("\"", "\\\"");
      String body =
          "{\"model\":{\"id\":\"f\",\"revision\":1,\"parameters\":[{\"name\":\"a\",\"value\":1},"
              + "{\"name\":\"b\",\"value\":\"x\"},{\"name\":\"c\",\"value\":true},"
              + "{\"name\":\"d\",\"expr\":\""
              + escaped
              + "\"}]}}";
      try {
        kernel.apply(body.getBytes(StandardCharsets.UTF_8));
      } catch (ApplyDeltaException e) {
        assertThat(e.kind() == ErrorKind.BAD_REQUEST ? CODES_400 : CODES_422).contains(e.code());
      } catch (Throwable t) {
        throw new AssertionError("expression [" + expr + "] threw " + t, t);
      }
    }
  }

  private void assertValidJson(byte[] out) throws Exception {
    try (JsonParser p = json.createParser(out)) {
      while (p.nextToken() != null) {
        // reading every token is the check
      }
    }
  }

  private static byte[] mutate(Random rnd, byte[] seed, int i) {
    switch (i % 10) {
      case 0 -> { // truncate
        int n = rnd.nextInt(seed.length + 1);
        byte[] out = new byte[n];
        System.arraycopy(seed, 0, out, 0, n);
        return out;
      }
      case 1 -> { // flip bytes
        byte[] out = seed.clone();
        for (int k = 0, n = 1 + rnd.nextInt(4); k < n; k++) {
          out[rnd.nextInt(out.length)] = (byte) rnd.nextInt(256);
        }
        return out;
      }
      case 2 -> { // replace a token-ish span with a snippet
        String s = new String(seed, StandardCharsets.UTF_8);
        int at = rnd.nextInt(s.length());
        int end = Math.min(s.length(), at + rnd.nextInt(12));
        return (s.substring(0, at) + SNIPPETS[rnd.nextInt(SNIPPETS.length)] + s.substring(end))
            .getBytes(StandardCharsets.UTF_8);
      }
      case 3 -> { // replace a value after a colon with another JSON value
        String s = new String(seed, StandardCharsets.UTF_8);
        for (int tries = 0; tries < 5; tries++) {
          int colon = s.indexOf(':', rnd.nextInt(s.length()));
          if (colon < 0) {
            continue;
          }
          int end = colon + 1;
          while (end < s.length() && ",}]".indexOf(s.charAt(end)) < 0) {
            end++;
          }
          return (s.substring(0, colon + 1)
                  + SNIPPETS[rnd.nextInt(SNIPPETS.length)]
                  + s.substring(end))
              .getBytes(StandardCharsets.UTF_8);
        }
        return seed;
      }
      case 4 -> { // deep nesting in front of a value
        String s = new String(seed, StandardCharsets.UTF_8);
        int colon = s.indexOf(':', rnd.nextInt(s.length()));
        if (colon < 0) {
          return seed;
        }
        int depth = 1 + rnd.nextInt(3000);
        return (s.substring(0, colon + 1)
                + "[".repeat(depth)
                + "1"
                + "]".repeat(depth)
                + s.substring(colon + 2))
            .getBytes(StandardCharsets.UTF_8);
      }
      case 5 -> { // invalid UTF-8 sequences
        byte[] out = seed.clone();
        byte[][] bad = {
          {(byte) 0xC0, (byte) 0x80},
          {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
          {(byte) 0xF5},
          {(byte) 0xE2, (byte) 0x82},
          {(byte) 0x80},
          {(byte) 0xFF}
        };
        byte[] b = bad[rnd.nextInt(bad.length)];
        int at = rnd.nextInt(Math.max(1, out.length - b.length));
        System.arraycopy(b, 0, out, at, Math.min(b.length, out.length - at));
        return out;
      }
      case 6 -> { // random bytes
        byte[] out = new byte[rnd.nextInt(200)];
        rnd.nextBytes(out);
        return out;
      }
      case 7 -> { // deep expression nesting in an expression string
        String s = new String(seed, StandardCharsets.UTF_8);
        int at = s.indexOf("\"expr\":\"");
        if (at < 0) {
          return seed;
        }
        at += 8;
        int depth = 1 + rnd.nextInt(5000);
        String nest = rnd.nextBoolean() ? "(".repeat(depth) : "-".repeat(depth);
        return (s.substring(0, at) + nest + s.substring(at)).getBytes(StandardCharsets.UTF_8);
      }
      case 8 -> { // huge numbers
        String s = new String(seed, StandardCharsets.UTF_8);
        return s.replaceFirst(":(-?[0-9]+)", ":" + (rnd.nextBoolean() ? "1e308" : "-1e308"))
            .replaceFirst("\"value\":([0-9.]+)", "\"value\":1.7976931348623157e308")
            .getBytes(StandardCharsets.UTF_8);
      }
      default -> { // duplicate a random slice
        int a = rnd.nextInt(seed.length);
        int b = Math.min(seed.length, a + rnd.nextInt(100));
        byte[] out = new byte[seed.length + (b - a)];
        System.arraycopy(seed, 0, out, 0, b);
        System.arraycopy(seed, a, out, b, seed.length - a);
        return out;
      }
    }
  }
}
