package com.kitchencpq.paramkernel.service.kernel.expr;

/** The contract's rounding: half away from zero, computed in doubles. */
public final class Rounding {
  private static final double[] POW10 = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15
  };

  private Rounding() {}

  /**
   * {@code sign(x) * floor(abs(x) * 10^d + 0.5) / 10^d} for {@code d} from 0 to 15. The result is
   * infinite when {@code abs(x) * 10^d} overflows; callers check.
   */
  public static double halfAwayFromZero(double x, int digits) {
    double p = POW10[digits];
    return Math.signum(x) * Math.floor(Math.abs(x) * p + 0.5) / p;
  }
}
