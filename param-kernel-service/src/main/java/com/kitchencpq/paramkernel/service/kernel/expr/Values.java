package com.kitchencpq.paramkernel.service.kernel.expr;

/**
 * Parameter values indexed by slot. Each slot uses the array of its type; the others are unused.
 */
public final class Values {
  public final double[] num;
  public final String[] str;
  public final boolean[] bool;

  public Values(int slots) {
    num = new double[slots];
    str = new String[slots];
    bool = new boolean[slots];
  }

  public void copyFrom(Values other) {
    int n = num.length;
    System.arraycopy(other.num, 0, num, 0, n);
    System.arraycopy(other.str, 0, str, 0, n);
    System.arraycopy(other.bool, 0, bool, 0, n);
  }
}
