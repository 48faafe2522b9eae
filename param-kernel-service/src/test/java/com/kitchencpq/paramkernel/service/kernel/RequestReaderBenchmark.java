package com.kitchencpq.paramkernel.service.kernel;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Request parsing alone: {@link RequestReader#read} on the baseline request (UTF-8 check, JSON
 * parse, every BAD_REQUEST check, shape key), without apply or response. In the kernel's package
 * because the reader is package-private. Commands and results: {@code
 * docs/request-reader-benchmark.md}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RequestReaderBenchmark {
  private byte[] request;

  @Setup
  public void setUp() {
    request = BaselinePayload.request();
  }

  @Benchmark
  public Request readBaseline() throws ApplyDeltaException {
    return RequestReader.read(request);
  }
}
