package com.kitchencpq.paramkernel.plugin.warmup;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * The warm-up's latency distribution as pictures: an SVG like HdrHistogram's own plots (latency
 * against percentile on a logarithmic "1/(1-p)" axis, so 90%, 99% and 99.9% are equal steps apart)
 * with the p95 and p99 limits drawn in, and a Mermaid {@code xychart-beta} of the same distribution
 * for the GitHub job summary (Mermaid has no logarithmic axis, so the chart takes the distribution
 * at fixed percentiles, evenly spaced). Plain data in, text out; the same histogram always gives
 * the same bytes.
 */
public final class PercentilePlot {
  /** The percentiles the Mermaid chart shows (100 = the largest latency). */
  static final double[] CHART_PERCENTILES = {50, 75, 90, 95, 99, 99.9, 100};

  private static final int WIDTH = 720;
  private static final int HEIGHT = 400;
  private static final int LEFT = 64;
  private static final int RIGHT = WIDTH - 24;
  private static final int TOP = 48;
  private static final int BOTTOM = HEIGHT - 56;

  private PercentilePlot() {}

  /** One point of the distribution: {@code millis} is the latency at {@code percentile}. */
  public record Point(double percentile, double millis) {}

  /**
   * The distribution as HdrHistogram's percentile iteration gives it (five steps per halving of the
   * distance to 100%), values in milliseconds from microsecond counts. The largest latency is
   * placed at percentile 100 (1 - 1/n): the rank a single sample of {@code n} stands for, so it
   * stays on the logarithmic axis.
   */
  public static List<Point> points(Histogram micros) {
    List<Point> points = new ArrayList<>();
    long n = micros.getTotalCount();
    if (n == 0) {
      return points;
    }
    double top = 100.0 * (1 - 1.0 / n);
    for (HistogramIterationValue v : micros.percentiles(5)) {
      double p = v.getPercentileLevelIteratedTo();
      if (p >= top) {
        break;
      }
      double ms = micros.highestEquivalentValue(v.getValueIteratedTo()) / 1000.0;
      if (points.isEmpty() || points.get(points.size() - 1).percentile() < p) {
        points.add(new Point(p, ms));
      }
    }
    points.add(new Point(Math.max(top, 0), micros.getMaxValue() / 1000.0));
    return points;
  }

  /** The x position of a percentile: log10(1 / (1 - p)). */
  static double logScale(double percentile) {
    return Math.log10(1 / (1 - Math.min(percentile, 99.99999) / 100));
  }

  /**
   * The SVG picture.
   *
   * @param title first line of the heading (escaped here)
   * @param caption second line, e.g. the verdict
   */
  public static String svg(
      Histogram micros, double maxP95Millis, double maxP99Millis, String title, String caption) {
    List<Point> points = points(micros);
    long n = micros.getTotalCount();
    int decades = Math.max(2, (int) Math.ceil(Math.log10(Math.max(n, 1)) - 1e-9));
    double yStep =
        step(Math.max(Math.max(maxP95Millis, maxP99Millis), micros.getMaxValue() / 1000.0));
    double yMax =
        top(Math.max(Math.max(maxP95Millis, maxP99Millis), micros.getMaxValue() / 1000.0));

    StringBuilder s = new StringBuilder(4096);
    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(WIDTH)
        .append("\" height=\"")
        .append(HEIGHT)
        .append("\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(HEIGHT)
        .append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
    s.append("  <rect width=\"")
        .append(WIDTH)
        .append("\" height=\"")
        .append(HEIGHT)
        .append("\" fill=\"white\"/>\n");
    s.append("  <text x=\"")
        .append(LEFT)
        .append("\" y=\"20\" font-size=\"14\" font-weight=\"bold\">")
        .append(xml(title))
        .append("</text>\n");
    s.append("  <text x=\"")
        .append(LEFT)
        .append("\" y=\"38\">")
        .append(xml(caption))
        .append("</text>\n");

    // grid and axes
    s.append("  <g stroke=\"#dddddd\" stroke-width=\"1\">\n");
    for (double y = 0; y <= yMax + 1e-9; y += yStep) {
      s.append("    <line x1=\"")
          .append(LEFT)
          .append("\" y1=\"")
          .append(f(yPos(y, yMax)))
          .append("\" x2=\"")
          .append(RIGHT)
          .append("\" y2=\"")
          .append(f(yPos(y, yMax)))
          .append("\"/>\n");
    }
    for (int d = 0; d <= decades; d++) {
      s.append("    <line x1=\"")
          .append(f(xPos(d, decades)))
          .append("\" y1=\"")
          .append(TOP)
          .append("\" x2=\"")
          .append(f(xPos(d, decades)))
          .append("\" y2=\"")
          .append(BOTTOM)
          .append("\"/>\n");
    }
    s.append("  </g>\n");
    s.append("  <g fill=\"#333333\">\n");
    for (double y = 0; y <= yMax + 1e-9; y += yStep) {
      s.append("    <text x=\"")
          .append(LEFT - 6)
          .append("\" y=\"")
          .append(f(yPos(y, yMax) + 4))
          .append("\" text-anchor=\"end\">")
          .append(number(y))
          .append("</text>\n");
    }
    for (int d = 0; d <= decades; d++) {
      s.append("    <text x=\"")
          .append(f(xPos(d, decades)))
          .append("\" y=\"")
          .append(BOTTOM + 16)
          .append("\" text-anchor=\"middle\">")
          .append(decadeLabel(d))
          .append("</text>\n");
    }
    s.append("    <text x=\"")
        .append((LEFT + RIGHT) / 2)
        .append("\" y=\"")
        .append(BOTTOM + 36)
        .append("\" text-anchor=\"middle\">percentile (logarithmic: 1/(1-p))</text>\n");
    s.append("    <text x=\"16\" y=\"")
        .append((TOP + BOTTOM) / 2)
        .append("\" text-anchor=\"middle\"" + " transform=\"rotate(-90 16 ")
        .append((TOP + BOTTOM) / 2)
        .append(")\">latency (ms)</text>\n");
    s.append("  </g>\n");

    // limits: where each applies (a vertical guide at its percentile) and its value
    limit(s, 95, maxP95Millis, "p95 limit", "#e69f00", yMax, decades);
    limit(s, 99, maxP99Millis, "p99 limit", "#d55e00", yMax, decades);

    // the distribution
    if (!points.isEmpty()) {
      s.append("  <polyline fill=\"none\" stroke=\"#0072b2\" stroke-width=\"2\" points=\"");
      for (int i = 0; i < points.size(); i++) {
        Point p = points.get(i);
        s.append(i == 0 ? "" : " ")
            .append(f(xPos(logScale(p.percentile()), decades)))
            .append(',')
            .append(f(yPos(Math.min(p.millis(), yMax), yMax)));
      }
      s.append("\"/>\n");
      marker(s, micros, 95, "p95", yMax, decades);
      marker(s, micros, 99, "p99", yMax, decades);
    }
    s.append("</svg>\n");
    return s.toString();
  }

  private static void limit(
      StringBuilder s,
      double percentile,
      double millis,
      String label,
      String color,
      double yMax,
      int decades) {
    double x = xPos(logScale(percentile), decades);
    double y = yPos(millis, yMax);
    s.append("  <g stroke=\"")
        .append(color)
        .append("\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\">\n");
    s.append("    <line x1=\"")
        .append(LEFT)
        .append("\" y1=\"")
        .append(f(y))
        .append("\" x2=\"")
        .append(RIGHT)
        .append("\" y2=\"")
        .append(f(y))
        .append("\"/>\n");
    s.append("    <line x1=\"")
        .append(f(x))
        .append("\" y1=\"")
        .append(TOP)
        .append("\" x2=\"")
        .append(f(x))
        .append("\" y2=\"")
        .append(BOTTOM)
        .append("\" stroke-dasharray=\"2 3\"/>\n");
    s.append("  </g>\n");
    s.append("  <text x=\"")
        .append(RIGHT - 4)
        .append("\" y=\"")
        .append(f(y - 5))
        .append("\" text-anchor=\"end\" fill=\"")
        .append(color)
        .append("\">")
        .append(label)
        .append(' ')
        .append(number(millis))
        .append(" ms</text>\n");
  }

  private static void marker(
      StringBuilder s,
      Histogram micros,
      double percentile,
      String label,
      double yMax,
      int decades) {
    double ms = micros.getValueAtPercentile(percentile) / 1000.0;
    double x = xPos(logScale(percentile), decades);
    double y = yPos(Math.min(ms, yMax), yMax);
    s.append("  <circle cx=\"")
        .append(f(x))
        .append("\" cy=\"")
        .append(f(y))
        .append("\" r=\"4\" fill=\"#0072b2\"/>\n");
    s.append("  <text x=\"")
        .append(f(x + 6))
        .append("\" y=\"")
        .append(f(y + 14))
        .append("\" fill=\"#0072b2\">")
        .append(label)
        .append(' ')
        .append(number(ms))
        .append(" ms</text>\n");
  }

  /**
   * The Mermaid chart (without the fence): the latency at {@link #CHART_PERCENTILES} as one line,
   * and each limit as a flat line.
   */
  public static String mermaid(
      Histogram micros, double maxP95Millis, double maxP99Millis, String title) {
    StringBuilder labels = new StringBuilder();
    StringBuilder measured = new StringBuilder();
    StringBuilder p95 = new StringBuilder();
    StringBuilder p99 = new StringBuilder();
    double top = 0;
    for (int i = 0; i < CHART_PERCENTILES.length; i++) {
      double p = CHART_PERCENTILES[i];
      String sep = i == 0 ? "" : ", ";
      double ms = (p >= 100 ? micros.getMaxValue() : micros.getValueAtPercentile(p)) / 1000.0;
      top = Math.max(top, ms);
      labels.append(sep).append('"').append(p >= 100 ? "max" : number(p) + "%").append('"');
      measured.append(sep).append(number(ms));
      p95.append(sep).append(number(maxP95Millis));
      p99.append(sep).append(number(maxP99Millis));
    }
    double yMax = top(Math.max(top, Math.max(maxP95Millis, maxP99Millis)));
    return "xychart-beta\n"
        + "  title \""
        + title.replace("\"", "'")
        + "\"\n"
        + "  x-axis \"percentile\" ["
        + labels
        + "]\n"
        + "  y-axis \"latency (ms)\" 0 --> "
        + number(yMax)
        + "\n"
        + "  line ["
        + measured
        + "]\n"
        + "  line ["
        + p95
        + "]\n"
        + "  line ["
        + p99
        + "]\n";
  }

  private static double xPos(double logValue, int decades) {
    return LEFT + (RIGHT - LEFT) * Math.min(logValue, decades) / decades;
  }

  private static double yPos(double millis, double yMax) {
    return BOTTOM - (BOTTOM - TOP) * millis / yMax;
  }

  private static String decadeLabel(int d) {
    if (d == 0) {
      return "0%";
    }
    StringBuilder sb = new StringBuilder("9");
    if (d > 1) {
      sb.append("9");
      if (d > 2) {
        sb.append('.').append("9".repeat(d - 2));
      }
    } else {
      sb.append("0");
    }
    return sb.append('%').toString();
  }

  /** The smallest 1, 2 or 5 times a power of ten that is at least {@code v}. */
  static double niceCeiling(double v) {
    if (!(v > 0)) {
      return 1;
    }
    double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (m * magnitude >= v - 1e-12) {
        return m * magnitude;
      }
    }
    return 10 * magnitude;
  }

  /**
   * The y axis' grid step for values up to {@code highest}: 1, 2 or 5 times a power of ten, 4 to 8
   * steps.
   */
  static double step(double highest) {
    return niceCeiling(highest * 1.1 / 6);
  }

  /** The top of the y axis: 10% above {@code highest}, rounded up to a whole step. */
  static double top(double highest) {
    double step = step(highest);
    return Math.ceil(highest * 1.1 / step - 1e-9) * step;
  }

  /** Fixed two decimals: deterministic coordinates. */
  private static String f(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }

  /** Up to three decimals without trailing zeros: 45, 43.231, 99.9. */
  static String number(double v) {
    String s = String.format(Locale.ROOT, "%.3f", v);
    s = s.contains(".") ? s.replaceAll("0+$", "") : s;
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  private static String xml(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
