package com.kitchencpq.paramkernel.service.warmup;

import com.kitchencpq.paramkernel.service.json.JsonWriter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A one-line JSON object writer for the evidence documents: keys in the order written, numbers in
 * plain decimal notation without trailing zeros, strings escaped by the shared {@link JsonWriter}
 * (every control character as a \\u escape). Small on purpose: the warm-up client depends on the
 * JDK and HdrHistogram only, so that the plugin can compile it too.
 */
final class Json {
  private final StringBuilder sb = new StringBuilder(512).append('{');
  private boolean first = true;

  private Json key(String key) {
    sb.append(first ? "" : ",");
    first = false;
    string(sb, key);
    return this;
  }

  Json put(String key, String value) {
    key(key).sb.append(':');
    if (value == null) {
      sb.append("null");
    } else {
      string(sb, value);
    }
    return this;
  }

  Json put(String key, long value) {
    key(key).sb.append(':').append(value);
    return this;
  }

  Json put(String key, boolean value) {
    key(key).sb.append(':').append(value);
    return this;
  }

  /** A finite number, e.g. a rate: {@code 20}, {@code 12.5}. */
  Json put(String key, double value) {
    key(key).sb.append(':').append(number(value));
    return this;
  }

  /** Microseconds written as milliseconds, exactly: 12345 µs is {@code 12.345}. */
  Json putMillis(String key, long micros) {
    key(key).sb.append(':').append(millis(micros));
    return this;
  }

  Json putRaw(String key, String json) {
    key(key).sb.append(':').append(json);
    return this;
  }

  Json put(String key, Map<String, Integer> counts) {
    key(key).sb.append(":{");
    boolean firstEntry = true;
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      sb.append(firstEntry ? "" : ",");
      firstEntry = false;
      string(sb, e.getKey());
      sb.append(':').append(e.getValue());
    }
    sb.append('}');
    return this;
  }

  Json put(String key, List<String> strings) {
    key(key).sb.append(":[");
    for (int i = 0; i < strings.size(); i++) {
      sb.append(i == 0 ? "" : ",");
      string(sb, strings.get(i));
    }
    sb.append(']');
    return this;
  }

  Json putObjects(String key, List<Json> objects) {
    key(key).sb.append(":[");
    for (int i = 0; i < objects.size(); i++) {
      sb.append(i == 0 ? "" : ",").append(objects.get(i));
    }
    sb.append(']');
    return this;
  }

  @Override
  public String toString() {
    return sb + "}";
  }

  /** Milliseconds text of a microsecond count, exact. */
  static String millis(long micros) {
    return BigDecimal.valueOf(micros, 3).stripTrailingZeros().toPlainString();
  }

  static String number(double d) {
    if (!Double.isFinite(d)) {
      throw new IllegalArgumentException("not a JSON number: " + d);
    }
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }

  private static void string(StringBuilder sb, String s) {
    sb.append(JsonWriter.quote(s, JsonWriter.Style.UTF8_UNICODE_ESCAPES));
  }
}
