package com.kitchencpq.paramkernel.service.http;

import com.kitchencpq.paramkernel.service.json.JsonWriter;
import java.io.PrintStream;
import java.time.Instant;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Structured log lines for Kubernetes: one JSON object per line on stdout. Fields are given as
 * alternating key/value pairs; strings are escaped, numbers and booleans written as is. Request
 * bodies are never passed here.
 */
public final class JsonLog {
  private static volatile PrintStream out = System.out;

  private JsonLog() {}

  /** Redirects the lines (tests only). */
  static void redirect(PrintStream target) {
    out = target;
  }

  public static void info(String event, Object... fields) {
    write("info", event, fields);
  }

  public static void warn(String event, Object... fields) {
    write("warn", event, fields);
  }

  public static void error(String event, Object... fields) {
    write("error", event, fields);
  }

  /** Formats one line without the trailing newline. */
  static String format(String level, String event, Object... fields) {
    JsonWriter w = new JsonWriter(JsonWriter.Style.UTF8_UNICODE_ESCAPES, 128);
    w.raw("{\"ts\":\"")
        .raw(Instant.now().toString())
        .raw("\",\"level\":\"")
        .raw(level)
        .raw("\",\"event\":")
        .string(event);
    for (int i = 0; i + 1 < fields.length; i += 2) {
      w.raw(',').string(String.valueOf(fields[i])).raw(':');
      Object v = fields[i + 1];
      if (v instanceof Number || v instanceof Boolean) {
        String s = v.toString();
        if (s.equals("NaN") || s.contains("Infinity")) {
          w.string(s);
        } else {
          w.raw(s);
        }
      } else {
        w.string(v == null ? "" : v.toString());
      }
    }
    return w.raw('}').toString();
  }

  private static void write(String level, String event, Object... fields) {
    String line = format(level, event, fields);
    PrintStream target = out;
    synchronized (JsonLog.class) {
      target.println(line);
      target.flush();
    }
  }

  /**
   * Routes java.util.logging (used by Vert.x and Netty when no other logging library is present)
   * into these JSON lines and keeps only warnings and errors, so the libraries stay quiet.
   */
  public static void takeOverJavaUtilLogging() {
    LogManager.getLogManager().reset();
    Logger root = Logger.getLogger("");
    root.setLevel(Level.WARNING);
    root.addHandler(
        new Handler() {
          @Override
          public void publish(LogRecord r) {
            if (r.getLevel().intValue() < Level.WARNING.intValue()) {
              return;
            }
            String level = r.getLevel().intValue() >= Level.SEVERE.intValue() ? "error" : "warn";
            Throwable t = r.getThrown();
            write(
                level,
                "library",
                "logger",
                r.getLoggerName(),
                "message",
                r.getMessage(),
                "exception",
                t == null ? "" : t.toString());
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        });
  }
}
