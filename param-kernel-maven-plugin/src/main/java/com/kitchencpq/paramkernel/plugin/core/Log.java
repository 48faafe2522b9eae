package com.kitchencpq.paramkernel.plugin.core;

/**
 * Where a goal's plain-Java core sends its messages. The Mojo adapts it to the Maven log ({@link
 * AbstractParamKernelMojo#coreLog()}); a test collects the lines.
 */
public interface Log {
  void info(String message);

  void warn(String message);

  void debug(String message);
}
