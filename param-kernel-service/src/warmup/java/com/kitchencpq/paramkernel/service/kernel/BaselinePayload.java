package com.kitchencpq.paramkernel.service.kernel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Random;

/**
 * The baseline ApplyDelta request of the rollout plan, generated deterministically: a kitchen run
 * of 12 base cabinets plus worktop, plinth, wall panel and island (about 21 KB of JSON, 162
 * parameters mixing inputs and derived expressions with if/min/max/round/clamp, 40 parts, 3
 * materials, 5 deltas). Used by the start-up warm-up, the canary warm-up job and goal, the load
 * tests and the benchmarks, so its bytes must never change by accident: {@link #sha256()}
 * identifies them. Plain JDK code: it lives in the warm-up client's source root, which the plugin
 * compiles too.
 */
public final class BaselinePayload {
  private static final int CABINETS = 12;
  private static final byte[] REQUEST = build();
  private static final String SHA256 = hex(REQUEST);

  private BaselinePayload() {}

  /** A fresh copy of the request bytes (UTF-8 JSON). */
  public static byte[] request() {
    return REQUEST.clone();
  }

  /**
   * A small request of the same kinds (inputs, expressions with if/ceil, a material choice, parts,
   * two deltas), about 0.6 KB: the start-up warm-up sends it over loopback HTTP to exercise the
   * server's request path many times at little kernel cost.
   */
  public static byte[] smallRequest() {
    return ("{\"model\":{\"id\":\"warm-up-small\",\"revision\":1,\"parameters\":["
                + "{\"name\":\"width\",\"value\":3.0,\"unit\":\"m\",\"min\":1,\"max\":6},"
                + "{\"name\":\"depth\",\"value\":0.6,\"unit\":\"m\"},"
                + "{\"name\":\"finish\",\"value\":\"oak\",\"options\":[\"oak\",\"white\"]},{\"name\":\"cabinets\",\"expr\":\"ceil(width"
                + " / 0.6)\"},{\"name\":\"worktop.area\",\"expr\":\"round(width * depth,"
                + " 2)\"},{\"name\":\"front.material\",\"expr\":\"if(finish == \\\"oak\\\","
                + " \\\"oak-veneer\\\", \\\"white-laminate\\\")\"}],"
                + "\"materials\":[{\"id\":\"oak-veneer\",\"pricePerM2\":85.5},"
                + "{\"id\":\"white-laminate\",\"pricePerM2\":30},{\"id\":\"granite\",\"pricePerM2\":240}],"
                + "\"parts\":[{\"id\":\"fronts\",\"materialParam\":\"front.material\","
                + "\"quantity\":\"cabinets\",\"area\":0.45},"
                + "{\"id\":\"worktop\",\"material\":\"granite\",\"area\":\"worktop.area\"}]},"
                + "\"deltas\":[{\"op\":\"add\",\"param\":\"width\",\"value\":1.2},"
                + "{\"op\":\"set\",\"param\":\"finish\",\"value\":\"white\"}]}")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** Lower-case hex SHA-256 of {@link #request()}. */
  public static String sha256() {
    return SHA256;
  }

  private static byte[] build() {
    Random rnd = new Random(20240715L);
    StringBuilder sb = new StringBuilder(24_000);
    sb.append("{\"model\":{\"id\":\"kitchen-baseline-0001\",\"revision\":41,\"parameters\":[");
    Params p = new Params(sb);

    // Room and global construction inputs.
    p.num("room.width", 7200, "mm", 2000, 12000, 10);
    p.num("room.depth", 4200, "mm", 1500, 9000, 10);
    p.num("room.height", 2500, "mm", 2100, 3200, 10);
    p.num("base.height", 870, "mm", 700, 950, 5);
    p.num("base.depth", 580, "mm", 300, 700, 5);
    p.num("plinth.height", 100, "mm", 60, 200, 5);
    p.num("panel.thickness", 18, "mm", 12, 25, 1);
    p.num("door.gap", 3, "mm", 1, 6, 0.5);
    p.num("worktop.thickness", 38, "mm", 20, 60, 1);
    p.num("worktop.overhang", 20, "mm", 0, 50, 1);
    p.num("wall.height", 700, "mm", 300, 1200, 10);
    p.num("island.width", 1800, "mm", 900, 3000, 10);
    p.num("island.depth", 900, "mm", 600, 1200, 10);
    p.bool("soft.close", true);
    p.bool("has.island", true);
    p.str("front.material", "oak", "\"oak\",\"laminate\"");
    p.str("carcass.material", "laminate", "\"laminate\"");
    p.str("worktop.material", "granite", "\"granite\",\"oak\",\"laminate\"");
    p.str("handle.style", "bar", "\"bar\",\"knob\",\"none\"");
    p.str("kitchen.name", "Baseline kitchen \\u00e9t\\u00e9", null);

    // Per-cabinet inputs and derived values.
    int[] widths = {400, 450, 500, 600, 800};
    for (int c = 1; c <= CABINETS; c++) {
      String k = "cab" + c + ".";
      p.num(k + "width", widths[rnd.nextInt(widths.length)], "mm", 300, 1200, 50);
      p.num(k + "doors", 1 + rnd.nextInt(2), null, 1, 2, 1);
      p.expr(k + "innerWidth", k + "width - 2 * panel.thickness", "mm");
      p.expr(
          k + "doorWidth",
          "if("
              + k
              + "doors > 1, ("
              + k
              + "width - door.gap * 3) / 2, "
              + k
              + "width - door.gap * 2)",
          "mm");
      p.expr(
          k + "frontArea",
          "round(" + k + "doors * " + k + "doorWidth * (base.height - plinth.height) / 1000000, 4)",
          "m2");
      p.expr(
          k + "backArea",
          "round(" + k + "width * (base.height - plinth.height) / 1000000, 4)",
          "m2");
      p.expr(k + "shelves", "clamp(floor((base.height - plinth.height) / 350) - 1, 1, 4)", null);
      p.expr(
          k + "shelfArea",
          "round(" + k + "shelves * " + k + "innerWidth * (base.depth - 20) / 1000000, 4)",
          "m2");
      p.expr(
          k + "hinges",
          "if(soft.close && " + k + "doors >= 1, " + k + "doors * 2 + 1, " + k + "doors * 2)",
          null);
    }

    // Global derived values.
    StringBuilder run = new StringBuilder();
    StringBuilder hinges = new StringBuilder();
    StringBuilder doors = new StringBuilder();
    StringBuilder widest = new StringBuilder("max(");
    StringBuilder narrowest = new StringBuilder("min(");
    for (int c = 1; c <= CABINETS; c++) {
      String sep = c == 1 ? "" : " + ";
      String comma = c == 1 ? "" : ", ";
      run.append(sep).append("cab").append(c).append(".width");
      hinges.append(sep).append("cab").append(c).append(".hinges");
      doors.append(sep).append("cab").append(c).append(".doors");
      widest.append(comma).append("cab").append(c).append(".width");
      narrowest.append(comma).append("cab").append(c).append(".width");
    }
    p.expr("run.length", run.toString(), "mm");
    p.expr("run.fits", "run.length <= room.width", null);
    p.expr("run.free", "max(room.width - run.length, 0)", "mm");
    p.expr("cab.widest", widest.append(")").toString(), "mm");
    p.expr("cab.narrowest", narrowest.append(")").toString(), "mm");
    p.expr("hinges.total", hinges.toString(), null);
    p.expr("doors.total", doors.toString(), null);
    p.expr("handles.total", "if(handle.style == \"none\", 0, doors.total)", null);
    p.expr("worktop.length", "min(run.length + 2 * worktop.overhang, room.width)", "mm");
    p.expr(
        "worktop.area",
        "round(worktop.length * (base.depth + worktop.overhang) / 1000000, 4)",
        "m2");
    p.expr("worktop.heavy", "worktop.thickness > 30 && worktop.material == \"granite\"", null);
    p.expr(
        "island.area", "if(has.island, round(island.width * island.depth / 1000000, 4), 0)", "m2");
    p.expr("island.count", "if(has.island, 1, 0)", null);
    p.expr("plinth.area", "round(run.length * plinth.height / 1000000, 4)", "m2");
    p.expr("wall.panel.area", "round(run.free * wall.height / 1000000, 4)", "m2");
    p.expr("clearance", "room.depth - base.depth - if(has.island, island.depth, 0)", "mm");
    p.expr("clearance.ok", "clearance >= 900 || !has.island", null);
    p.expr(
        "style.label",
        "if(handle.style == \"bar\", \"modern\", if(handle.style == \"knob\", \"classic\","
            + " \"handleless\"))",
        null);
    p.expr(
        "front.label", "if(front.material == \"oak\", \"Oak fronts\", \"Laminate fronts\")", null);
    p.expr("work.height", "base.height + worktop.thickness", "mm");
    p.expr("work.height.ok", "abs(work.height - 910) <= 30", null);
    p.expr("wall.gap", "room.height - work.height - wall.height", "mm");
    p.expr("wall.gap.rounded", "round(wall.gap / 10) * 10", "mm");
    p.expr("load.factor", "round(sqrt(worktop.area * worktop.thickness) / 10, 3)", null);
    p.expr("fronts.area.total", frontsSum(), "m2");
    p.expr("delivery.boxes", "ceil(fronts.area.total / 1.5) + ceil(run.length / 1200)", null);
    p.expr("delivery.heavy", "worktop.heavy || delivery.boxes > 12", null);
    p.expr(
        "install.hours",
        "round(max(4, run.length / 600 * 1.5 + island.count * 3 + if(worktop.heavy, 2, 0)), 1)",
        "h");
    p.expr("install.crew", "clamp(ceil(install.hours / 8), 1, 3)", null);
    p.expr("room.area", "round(room.width * room.depth / 1000000, 2)", "m2");
    p.expr("usage.ratio", "round(run.length / room.width, 3)", null);
    p.expr("usage.mod", "run.length % 100", "mm");
    p.expr("kitchen.summary", "if(run.fits && clearance.ok, kitchen.name, \"check layout\")", null);
    sb.append("],\"materials\":[");
    sb.append("{\"id\":\"oak\",\"name\":\"Oak veneer\",\"pricePerM2\":84.5},");
    sb.append("{\"id\":\"laminate\",\"name\":\"White laminate\",\"pricePerM2\":23.9},");
    sb.append("{\"id\":\"granite\",\"name\":\"Black granite\",\"pricePerM2\":312}");
    sb.append("],\"parts\":[");
    boolean first = true;
    for (int c = 1; c <= CABINETS; c++) {
      String k = "cab" + c + ".";
      first =
          part(
              sb,
              first,
              k + "front",
              "\"materialParam\":\"front.material\"",
              "\"" + k + "doors\"",
              "\"round(" + k + "doorWidth * (base.height - plinth.height) / 1000000, 4)\"");
      first =
          part(
              sb,
              first,
              k + "carcass",
              "\"material\":\"laminate\"",
              "1",
              "\"round(2 * base.depth * (base.height - plinth.height) / 1000000, 4) + "
                  + k
                  + "backArea\"");
      first =
          part(
              sb,
              first,
              k + "shelves",
              "\"materialParam\":\"carcass.material\"",
              "\"" + k + "shelves\"",
              "\"round(" + k + "innerWidth * (base.depth - 20) / 1000000, 4)\"");
    }
    first =
        part(
            sb,
            first,
            "worktop",
            "\"materialParam\":\"worktop.material\"",
            "1",
            "\"worktop.area\"");
    first =
        part(
            sb,
            first,
            "island.top",
            "\"materialParam\":\"worktop.material\"",
            "\"island.count\"",
            "\"island.area\"");
    first = part(sb, first, "plinth", "\"material\":\"laminate\"", "1", "\"plinth.area\"");
    part(
        sb,
        first,
        "wall.panel",
        "\"materialParam\":\"front.material\"",
        "1",
        "\"wall.panel.area\"");
    sb.append("]},\"deltas\":[");
    sb.append("{\"op\":\"set\",\"param\":\"cab3.width\",\"value\":650},");
    sb.append("{\"op\":\"add\",\"param\":\"room.width\",\"value\":100},");
    sb.append("{\"op\":\"scale\",\"param\":\"cab7.width\",\"value\":1.1},");
    sb.append("{\"op\":\"set\",\"param\":\"front.material\",\"value\":\"laminate\"},");
    sb.append("{\"op\":\"set\",\"param\":\"soft.close\",\"value\":false}");
    sb.append("],\"client\":{\"app\":\"kitchen-planner\",\"build\":\"2024.07.15\"}}");
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String frontsSum() {
    StringBuilder s = new StringBuilder();
    for (int c = 1; c <= CABINETS; c++) {
      s.append(c == 1 ? "" : " + ").append("cab").append(c).append(".frontArea");
    }
    return s.toString();
  }

  private static boolean part(
      StringBuilder sb, boolean first, String id, String material, String quantity, String area) {
    if (!first) {
      sb.append(',');
    }
    sb.append("{\"id\":\"").append(id).append("\",").append(material);
    if (!quantity.equals("1")) {
      sb.append(",\"quantity\":").append(quantity);
    }
    sb.append(",\"area\":").append(area).append('}');
    return false;
  }

  /** Appends parameter objects with commas in between. */
  private static final class Params {
    private final StringBuilder sb;
    private boolean first = true;

    Params(StringBuilder sb) {
      this.sb = sb;
    }

    private void open(String name) {
      if (!first) {
        sb.append(',');
      }
      first = false;
      sb.append("{\"name\":\"").append(name).append('"');
    }

    void num(String name, double value, String unit, double min, double max, double step) {
      open(name);
      sb.append(",\"value\":").append(number(value));
      if (unit != null) {
        sb.append(",\"unit\":\"").append(unit).append('"');
      }
      sb.append(",\"min\":").append(number(min));
      sb.append(",\"max\":").append(number(max));
      sb.append(",\"step\":").append(number(step));
      sb.append('}');
    }

    void bool(String name, boolean value) {
      open(name);
      sb.append(",\"value\":").append(value).append('}');
    }

    void str(String name, String jsonEscapedValue, String optionsJson) {
      open(name);
      sb.append(",\"value\":\"").append(jsonEscapedValue).append('"');
      if (optionsJson != null) {
        sb.append(",\"options\":[").append(optionsJson).append(']');
      }
      sb.append('}');
    }

    void expr(String name, String expr, String unit) {
      open(name);
      sb.append(",\"expr\":\"").append(expr.replace("\"", "\\\"")).append('"');
      if (unit != null) {
        sb.append(",\"unit\":\"").append(unit).append('"');
      }
      sb.append('}');
    }
  }

  /**
   * The payload's numbers as the kernel writes them (whole numbers without a fraction, the few
   * others in their shortest form): all of them are whole or halves, for which {@link
   * Double#toString} is already the shortest form. Kept here, and not borrowed from the kernel,
   * because this class is compiled into the plugin too (see the service's pom).
   */
  private static String number(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }

  private static String hex(byte[] bytes) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(bytes);
      StringBuilder sb = new StringBuilder(64);
      for (byte b : d) {
        sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
      }
      return sb.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
