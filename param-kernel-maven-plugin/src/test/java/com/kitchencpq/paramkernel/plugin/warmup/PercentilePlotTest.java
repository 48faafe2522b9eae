package com.kitchencpq.paramkernel.plugin.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import com.kitchencpq.paramkernel.service.warmup.WarmupReport;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class PercentilePlotTest {

  @Test
  void pointsFollowHdrHistogramsPercentileIterationAndEndAtTheLargestSample() throws Exception {
    Histogram h = KnownRuns.report(KnownRuns.planShaped()).histogram();
    List<PercentilePlot.Point> points = PercentilePlot.points(h);

    assertThat(points.get(0).percentile()).isLessThan(1);
    assertThat(points)
        .isSortedAccordingTo((a, b) -> Double.compare(a.percentile(), b.percentile()));
    assertThat(points).extracting(PercentilePlot.Point::millis).isSorted();
    // the last point is the largest latency, at the rank one sample of 180 stands for
    PercentilePlot.Point last = points.get(points.size() - 1);
    assertThat(last.percentile())
        .isCloseTo(100 * (1 - 1 / 180.0), org.assertj.core.data.Offset.offset(1e-9));
    assertThat(last.millis()).isEqualTo(h.getMaxValue() / 1000.0);
    assertThat(h.valuesAreEquivalent(h.getMaxValue(), 21_900)).isTrue();
  }

  @Test
  void theSvgIsWellFormedDeterministicAndDrawsBothLimits() throws Exception {
    WarmupReport r = KnownRuns.report(KnownRuns.planShaped());
    String svg = PercentilePlot.svg(r.histogram(), 45, 70, "warm-up <test> & co", "passed");
    assertThat(PercentilePlot.svg(r.histogram(), 45, 70, "warm-up <test> & co", "passed"))
        .isEqualTo(svg);

    Document doc =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    Element root = doc.getDocumentElement();
    assertThat(root.getTagName()).isEqualTo("svg");
    assertThat(texts(doc))
        .contains(
            "warm-up <test> & co",
            "passed",
            "p95 limit 45 ms",
            "p99 limit 70 ms",
            "0%",
            "90%",
            "99%",
            "99.9%",
            "latency (ms)");
    // y axis 0..80 ms (70 ms + 10% up to a whole step of 20) over 48..344 px:
    // the 45 ms limit at 344 - 296 * 45 / 80, the 70 ms one at 344 - 296 * 70 / 80
    assertThat(svg)
        .contains("y1=\"177.50\" x2=\"696\" y2=\"177.50\"", "y1=\"85.00\" x2=\"696\" y2=\"85.00\"");
    // x: three decades (180 requests) over 64..696 px; 95% is at log10(20) of them
    assertThat(svg).contains("x1=\"338.08\" y1=\"48\" x2=\"338.08\" y2=\"344\"");
    NodeList lines = doc.getElementsByTagName("polyline");
    assertThat(lines.getLength()).isEqualTo(1);
    assertThat(((Element) lines.item(0)).getAttribute("points").split(" "))
        .hasSize(PercentilePlot.points(r.histogram()).size());
  }

  private static List<String> texts(Document doc) {
    NodeList nodes = doc.getElementsByTagName("text");
    List<String> out = new java.util.ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add(nodes.item(i).getTextContent());
    }
    return out;
  }

  @Test
  void theMermaidChartHasTheDistributionAndTheLimitsAtFixedPercentiles() throws Exception {
    WarmupReport r = KnownRuns.report(KnownRuns.planShaped());
    Histogram h = r.histogram();
    String p50 = PercentilePlot.number(h.getValueAtPercentile(50) / 1000.0);
    String p99 = PercentilePlot.number(h.getValueAtPercentile(99) / 1000.0);
    String max = PercentilePlot.number(h.getMaxValue() / 1000.0);
    String chart = PercentilePlot.mermaid(h, 45, 70, "Warm-up \"latency\"");
    assertThat(chart)
        .isEqualTo(
            "xychart-beta\n"
                + "  title \"Warm-up 'latency'\"\n"
                + "  x-axis \"percentile\" [\"50%\", \"75%\", \"90%\", \"95%\", \"99%\", \"99.9%\","
                + " \"max\"]\n"
                + "  y-axis \"latency (ms)\" 0 --> 80\n"
                + "  line ["
                + p50
                + ", "
                + PercentilePlot.number(h.getValueAtPercentile(75) / 1000.0)
                + ", "
                + PercentilePlot.number(h.getValueAtPercentile(90) / 1000.0)
                + ", "
                + PercentilePlot.number(h.getValueAtPercentile(95) / 1000.0)
                + ", "
                + p99
                + ", "
                + PercentilePlot.number(h.getValueAtPercentile(99.9) / 1000.0)
                + ", "
                + max
                + "]\n"
                + "  line [45, 45, 45, 45, 45, 45, 45]\n"
                + "  line [70, 70, 70, 70, 70, 70, 70]\n");
    assertThat(p50).isEqualTo("12.903"); // the 90th of 4.0 .. 21.9 ms, at HdrHistogram's resolution
  }

  @Test
  void numbersAreShortAndRounding() {
    assertThat(PercentilePlot.number(45)).isEqualTo("45");
    assertThat(PercentilePlot.number(0.001)).isEqualTo("0.001");
    assertThat(PercentilePlot.number(12.3456)).isEqualTo("12.346");
    assertThat(PercentilePlot.niceCeiling(77)).isEqualTo(100);
    assertThat(PercentilePlot.niceCeiling(41)).isEqualTo(50);
    assertThat(PercentilePlot.niceCeiling(0.0011)).isEqualTo(0.002);
    assertThat(PercentilePlot.top(112.639)).isEqualTo(150); // steps of 50
    assertThat(PercentilePlot.top(70)).isEqualTo(80); // steps of 20
    assertThat(PercentilePlot.top(45)).isEqualTo(50); // steps of 10
  }
}
