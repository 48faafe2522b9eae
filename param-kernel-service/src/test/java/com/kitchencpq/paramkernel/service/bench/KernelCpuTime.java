package com.kitchencpq.paramkernel.service.bench;

import com.kitchencpq.paramkernel.service.kernel.ApplyDeltaException;
import com.kitchencpq.paramkernel.service.kernel.ApplyDeltaKernel;
import com.kitchencpq.paramkernel.service.kernel.BaselinePayload;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * A companion to the JMH benchmark for a shared machine: measures the CPU time the calling thread
 * spends per baseline request (parse + apply + serialize, warm shape cache), which other processes
 * competing for the cores inflate far less than wall-clock time. Prints the best, median and worst
 * of the measured batches.
 *
 * <p>Usage: {@code java -cp <test-classes:classes:deps> ...bench.KernelCpuTime [batches]}
 */
public final class KernelCpuTime {
  private static final int PER_BATCH = 2_000;
  private static final int WARMUP_BATCHES = 20;

  private KernelCpuTime() {}

  public static void main(String[] args) throws ApplyDeltaException {
    int batches = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    byte[] request = BaselinePayload.request();
    ApplyDeltaKernel kernel = new ApplyDeltaKernel();
    long sink = 0;
    double[] perOp = new double[batches];
    for (int b = -WARMUP_BATCHES; b < batches; b++) {
      long start = mx.getCurrentThreadCpuTime();
      for (int i = 0; i < PER_BATCH; i++) {
        sink += kernel.apply(request).length;
      }
      long cpu = mx.getCurrentThreadCpuTime() - start;
      if (b >= 0) {
        perOp[b] = cpu / 1_000.0 / PER_BATCH;
      }
    }
    Arrays.sort(perOp);
    System.out.printf(
        "baseline sha256 %s, %d batches of %d requests: CPU us/op best %.1f, median %.1f, worst"
            + " %.1f (sink %d)%n",
        BaselinePayload.sha256(),
        batches,
        PER_BATCH,
        perOp[0],
        perOp[batches / 2],
        perOp[batches - 1],
        sink);
  }
}
