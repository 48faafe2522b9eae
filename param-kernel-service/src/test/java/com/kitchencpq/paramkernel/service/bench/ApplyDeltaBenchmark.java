package com.kitchencpq.paramkernel.service.bench;

import com.kitchencpq.paramkernel.service.kernel.ApplyDeltaException;
import com.kitchencpq.paramkernel.service.kernel.ApplyDeltaKernel;
import com.kitchencpq.paramkernel.service.kernel.BaselinePayload;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The kernel on the rollout plan's baseline request: JSON parse, apply and serialize of the
 * response, per request. {@code warmCache} is the normal case (the model shape is cached after the
 * first request); {@code coldCache} compiles the shape every time (cache of size 0).
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ApplyDeltaBenchmark {
  private byte[] request;
  private ApplyDeltaKernel cached;
  private ApplyDeltaKernel uncached;

  @Setup
  public void setUp() throws ApplyDeltaException {
    request = BaselinePayload.request();
    cached = new ApplyDeltaKernel();
    uncached = new ApplyDeltaKernel(0);
    cached.apply(request);
  }

  @Benchmark
  public byte[] warmCache() throws ApplyDeltaException {
    return cached.apply(request);
  }

  @Benchmark
  public byte[] coldCache() throws ApplyDeltaException {
    return uncached.apply(request);
  }
}
