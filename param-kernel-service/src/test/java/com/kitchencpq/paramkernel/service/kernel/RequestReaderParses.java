package com.kitchencpq.paramkernel.service.kernel;

/**
 * Parses the baseline request a fixed number of times and exits: the workload for counting
 * instructions (valgrind), which unlike wall-clock time does not depend on what else runs on the
 * machine. Run it with two counts and subtract to remove the JVM's start-up and JIT cost. Commands
 * and results: {@code docs/request-reader-benchmark.md}.
 *
 * <p>Usage: {@code java -cp <test-classes:classes:deps> ...kernel.RequestReaderParses <count>}
 */
public final class RequestReaderParses {
  private RequestReaderParses() {}

  public static void main(String[] args) throws ApplyDeltaException {
    int count = Integer.parseInt(args[0]);
    byte[] request = BaselinePayload.request();
    long sink = 0;
    for (int i = 0; i < count; i++) {
      sink += RequestReader.read(request).params.size();
    }
    System.out.println("parses " + count + " sink " + sink);
  }
}
