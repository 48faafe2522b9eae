package com.kitchencpq.paramkernel.plugin.validate.rules.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * A declared, temporary widening of the p95 failure bound of the plan's health template (the plan's
 * contingency playbook, step 4). render writes it into the bound and into the annotation {@value
 * #ANNOTATION} on the template's metadata; validate reads the annotation back and judges the
 * widening by it ({@link LatencyMetricRule}).
 *
 * <p>The annotation value is one JSON object, so that it reads well in {@code kubectl get -o yaml}
 * and parses without guessing: {@code {"p95FailureSeconds":0.08,"until":"2026-12-20",
 * "reason":"..."}}. The widening holds through the whole of the {@code until} day in UTC.
 *
 * @param p95FailureSeconds the widened bound, as written into the condition
 * @param reason why, one line of text
 * @param until the last day on which the widening is accepted
 */
public record P95Contingency(BigDecimal p95FailureSeconds, String reason, LocalDate until) {
  /** The annotation key on the health AnalysisTemplate's metadata. */
  public static final String ANNOTATION = "param-kernel.kitchen-cpq/contingency";

  /** The metric whose failure bound a contingency widens. */
  public static final String METRIC = "latency-p95";

  /** The longest reason accepted, in characters. */
  public static final int MAX_REASON_LENGTH = 200;

  static final String KEY_VALUE = "p95FailureSeconds";
  static final String KEY_UNTIL = "until";
  static final String KEY_REASON = "reason";

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
          .build();

  public P95Contingency {
    Objects.requireNonNull(p95FailureSeconds, "p95FailureSeconds");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(until, "until");
    p95FailureSeconds = new BigDecimal(p95FailureSeconds.stripTrailingZeros().toPlainString());
  }

  /** The bound as written into the condition: plain decimal, no trailing zeros ({@code 0.08}). */
  public String valueText() {
    return p95FailureSeconds.toPlainString();
  }

  /** Whether {@code today} (in the clock's zone, UTC in the goals) is after {@link #until}. */
  public boolean expired(Clock clock) {
    return LocalDate.now(clock).isAfter(until);
  }

  /** The annotation value: a one-line JSON object. */
  public String annotationValue() {
    ObjectNode o = JSON.createObjectNode();
    o.put(KEY_VALUE, p95FailureSeconds);
    o.put(KEY_UNTIL, until.toString());
    o.put(KEY_REASON, reason);
    try {
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the contingency annotation", e);
    }
  }

  /** For messages: {@code 0.08 s until 2026-12-20 (reason: ...)}. */
  public String describe() {
    return valueText() + " s until " + until + " (reason: " + reason + ")";
  }

  /**
   * A reason fit for an annotation and a log line: not blank, one line, no control characters, at
   * most {@link #MAX_REASON_LENGTH} characters.
   *
   * @return what is wrong, or null when it is fine
   */
  public static String reasonProblem(String reason) {
    if (reason == null || reason.isBlank()) {
      return "is empty";
    }
    if (reason.strip().length() > MAX_REASON_LENGTH) {
      return "is longer than " + MAX_REASON_LENGTH + " characters";
    }
    for (int i = 0; i < reason.length(); i++) {
      if (Character.isISOControl(reason.charAt(i))) {
        return "contains a line break or another control character";
      }
    }
    return null;
  }

  /**
   * Reads an annotation value written by {@link #annotationValue()}.
   *
   * @throws IllegalArgumentException with what is wrong, for a message
   */
  public static P95Contingency parseAnnotation(String value) {
    JsonNode o;
    try {
      o = JSON.readTree(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("is not a JSON object");
    }
    if (o == null || !o.isObject()) {
      throw new IllegalArgumentException("is not a JSON object");
    }
    JsonNode v = o.get(KEY_VALUE);
    if (v == null || !v.isNumber() || v.decimalValue().signum() <= 0) {
      throw new IllegalArgumentException("has no positive number " + KEY_VALUE);
    }
    JsonNode r = o.get(KEY_REASON);
    if (r == null || !r.isTextual() || reasonProblem(r.asText()) != null) {
      throw new IllegalArgumentException("has no one-line text " + KEY_REASON);
    }
    JsonNode u = o.get(KEY_UNTIL);
    LocalDate until;
    try {
      until = u == null || !u.isTextual() ? null : LocalDate.parse(u.asText());
    } catch (DateTimeParseException e) {
      until = null;
    }
    if (until == null) {
      throw new IllegalArgumentException("has no ISO date " + KEY_UNTIL + " (such as 2026-12-20)");
    }
    return new P95Contingency(v.decimalValue(), r.asText().strip(), until);
  }
}
