package com.kitchencpq.paramkernel.service.kernel.expr;

import com.fasterxml.jackson.core.io.NumberOutput;

/** How the kernel writes numbers, in responses and in messages alike. */
public final class NumberText {
  private NumberText() {}

  /**
   * The documented number format of responses and messages: the short decimal that reads back as
   * the same double (Jackson's Schubfach digits), laid out like ECMAScript's
   * Number.prototype.toString (plain notation for magnitudes from 1e-6 up to below 1e21, else
   * {@code d.ddde+n} / {@code d.ddde-n}); integral values have no fraction and both zeros print as
   * {@code 0}. Only finite values reach here.
   */
  public static String format(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d); // also turns -0.0 into "0"
    }
    String s = NumberOutput.toString(d, true); // shortest repr, Double.toString layout
    boolean negative = s.charAt(0) == '-';
    int e = s.indexOf('E');
    String mantissa = e < 0 ? s : s.substring(0, e);
    int exp = e < 0 ? 0 : Integer.parseInt(s.substring(e + 1));
    int dot = mantissa.indexOf('.');
    String intPart = mantissa.substring(negative ? 1 : 0, dot);
    String digits = intPart + mantissa.substring(dot + 1);
    int n = intPart.length() + exp; // value = 0.digits x 10^n
    int lead = 0;
    while (lead < digits.length() - 1 && digits.charAt(lead) == '0') {
      lead++;
    }
    digits = digits.substring(lead);
    n -= lead;
    int end = digits.length();
    while (end > 1 && digits.charAt(end - 1) == '0') {
      end--;
    }
    digits = digits.substring(0, end);
    int k = digits.length();
    StringBuilder out = new StringBuilder(k + 8);
    if (negative) {
      out.append('-');
    }
    if (k <= n && n <= 21) {
      out.append(digits);
      for (int i = k; i < n; i++) {
        out.append('0');
      }
    } else if (0 < n && n <= 21) {
      out.append(digits, 0, n).append('.').append(digits, n, k);
    } else if (-6 < n && n <= 0) {
      out.append("0.");
      for (int i = n; i < 0; i++) {
        out.append('0');
      }
      out.append(digits);
    } else {
      out.append(digits.charAt(0));
      if (k > 1) {
        out.append('.').append(digits, 1, k);
      }
      out.append('e').append(n - 1 >= 0 ? '+' : '-').append(Math.abs(n - 1));
    }
    return out.toString();
  }
}
