package com.kitchencpq.paramkernel.plugin.validate.rules;

import com.kitchencpq.paramkernel.plugin.validate.model.MetricView;
import com.kitchencpq.paramkernel.plugin.validate.yaml.YamlNode;
import java.util.OptionalLong;

/**
 * The numbers that decide when a metric ends, read the way Argo reads them: int-or-string fields as
 * {@code IntValue()} (a number, a numeric string, any other string 0). A value with a {@code
 * {{args.x}}} tag is only known at run time and makes the result unknown.
 */
public final class MetricLimits {
  private MetricLimits() {}

  /** How many measurements are counted before the metric ends. */
  public record EffectiveCount(Kind kind, long value) {
    /** FINITE: {@code value} measurements; UNBOUNDED: until the run ends; UNKNOWN: placeholder. */
    public enum Kind {
      FINITE,
      UNBOUNDED,
      UNKNOWN
    }

    public boolean isFinite() {
      return kind == Kind.FINITE;
    }
  }

  /** The value of an int-or-string field; empty when absent (default) or holding a placeholder. */
  public static OptionalLong value(YamlNode n) {
    if (n.isAbsent() || !n.isScalar() || hasTag(n)) {
      return OptionalLong.empty();
    }
    return n.intOrStringValue();
  }

  /** True when the field's value holds a {@code {{...}}} tag. */
  public static boolean hasTag(YamlNode n) {
    return n.isScalar() && n.text("").contains("{{");
  }

  /**
   * Argo's {@code EffectiveCount}: {@code count} when set and not 0; otherwise 1 without an
   * interval and unbounded with one.
   */
  public static EffectiveCount effectiveCount(MetricView m) {
    if (hasTag(m.count()) || hasTag(m.interval())) {
      return new EffectiveCount(EffectiveCount.Kind.UNKNOWN, 0);
    }
    long count = value(m.count()).orElse(0);
    if (count > 0) {
      return new EffectiveCount(EffectiveCount.Kind.FINITE, count);
    }
    boolean interval = m.interval().isScalar() && !m.interval().text("").isEmpty();
    return interval
        ? new EffectiveCount(EffectiveCount.Kind.UNBOUNDED, 0)
        : new EffectiveCount(EffectiveCount.Kind.FINITE, 1);
  }

  /** failureLimit (default 0); empty when it holds a placeholder. */
  public static OptionalLong failureLimit(MetricView m) {
    return hasTag(m.failureLimit())
        ? OptionalLong.empty()
        : OptionalLong.of(value(m.failureLimit()).orElse(0));
  }

  /** inconclusiveLimit (default 0); empty when it holds a placeholder. */
  public static OptionalLong inconclusiveLimit(MetricView m) {
    return hasTag(m.inconclusiveLimit())
        ? OptionalLong.empty()
        : OptionalLong.of(value(m.inconclusiveLimit()).orElse(0));
  }

  /** consecutiveSuccessLimit (default 0); empty when it holds a placeholder. */
  public static OptionalLong consecutiveSuccessLimit(MetricView m) {
    return hasTag(m.consecutiveSuccessLimit())
        ? OptionalLong.empty()
        : OptionalLong.of(value(m.consecutiveSuccessLimit()).orElse(0));
  }

  /** consecutiveErrorLimit (default 4). */
  public static long consecutiveErrorLimit(MetricView m) {
    return value(m.consecutiveErrorLimit()).orElse(4);
  }
}
