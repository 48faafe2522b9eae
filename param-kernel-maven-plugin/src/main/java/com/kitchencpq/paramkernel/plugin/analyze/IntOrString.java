package com.kitchencpq.paramkernel.plugin.analyze;

/**
 * A Kubernetes {@code intstr.IntOrString} field of a metric ({@code count}, {@code failureLimit},
 * ...): written as a number or as a string. Argo reads it with {@code IntValue()}: the number, or
 * the string parsed as a decimal integer, and 0 for any other string.
 */
record IntOrString(Long number, String string) {

  static IntOrString of(long n) {
    return new IntOrString(n, null);
  }

  static IntOrString of(String s) {
    return new IntOrString(null, s);
  }

  /**
   * {@code intstr.IntValue()} ({@code k8s.io/apimachinery/pkg/util/intstr}): {@code strconv.Atoi},
   * 0 on error.
   */
  long intValue() {
    if (number != null) {
      return number;
    }
    String s = string;
    if (s.isEmpty()
        || !(Character.isDigit(s.charAt(0)) || s.charAt(0) == '+' || s.charAt(0) == '-')) {
      return 0;
    }
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** {@code intstr.String()}: the string as written, or the number. */
  @Override
  public String toString() {
    return number != null ? Long.toString(number) : string;
  }
}
