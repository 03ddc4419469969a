package dev.awskit.grader.classview;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.Styler.LegendPosition;

/**
 * Draws the class report's charts with XChart and turns each into an SVG element to inline in the
 * page, with a title and a text alternative for screen readers.
 */
final class ClassCharts {

  private static final int WIDTH = 760;
  private static final int HEIGHT = 320;

  private ClassCharts() {}

  /** Returns the range labels of a histogram from 0 to {@code max}: {@code 0-10}, .. */
  static List<String> ranges(double max, int bins) {
    List<String> labels = new ArrayList<>();
    for (int bin = 0; bin < bins; bin++) {
      labels.add(Html.number(max * bin / bins) + "-" + Html.number(max * (bin + 1) / bins));
    }
    return labels;
  }

  /** Draws the histogram of the totals. */
  static String totals(ClassReport report) {
    CategoryChart chart = chart("Distribution of totals", "total points", "students");
    chart.getStyler().setLegendVisible(false);
    List<String> ranges = ranges(report.total().max(), ClassReport.BINS);
    chart.addSeries("students", ranges, report.totalHistogram());
    StringBuilder alt = new StringBuilder("Histogram of the graded students' totals: ");
    for (int bin = 0; bin < ranges.size(); bin++) {
      alt.append(bin == 0 ? "" : ", ")
          .append(ranges.get(bin))
          .append(" points: ")
          .append(report.totalHistogram().get(bin));
    }
    return svg(chart, "chart-totals", "Distribution of totals", alt + ".");
  }

  /** Draws each tier's distribution as shares of its maximum, one series per tier. */
  static String tiers(ClassReport report, List<List<Integer>> histograms) {
    CategoryChart chart =
        chart("Distribution per tier", "share of the tier's maximum (%)", "students");
    List<String> ranges = ranges(100, ClassReport.BINS);
    StringBuilder alt =
        new StringBuilder("Histogram per tier, students per tenth of the maximum. ");
    for (int tier = 0; tier < report.tiers().size(); tier++) {
      String name = report.tiers().get(tier).column();
      chart.addSeries(name, ranges, histograms.get(tier));
      alt.append(name).append(": ").append(histograms.get(tier)).append(". ");
    }
    return svg(chart, "chart-tiers", "Distribution per tier", alt.toString().strip());
  }

  /** Draws every question's difficulty and discrimination side by side. */
  static String questions(ClassReport report) {
    CategoryChart chart =
        chart("Difficulty and discrimination per question", "question", "index (-1 to 1)");
    chart.getStyler().setYAxisMin(-1.0).setYAxisMax(1.0);
    List<String> names = new ArrayList<>();
    List<Double> difficulty = new ArrayList<>();
    List<Double> discrimination = new ArrayList<>();
    StringBuilder alt = new StringBuilder("Per question, difficulty then discrimination: ");
    for (ClassReport.QuestionFigures question : report.questions()) {
      names.add("Q" + question.number());
      difficulty.add(orZero(question.stats().difficulty()));
      discrimination.add(orZero(question.stats().discrimination()));
      alt.append("Q")
          .append(question.number())
          .append(' ')
          .append(Html.fixed(question.stats().difficulty()))
          .append(" and ")
          .append(Html.fixed(question.stats().discrimination()))
          .append("; ");
    }
    chart.addSeries("difficulty (mean share of maximum)", names, difficulty);
    chart.addSeries("discrimination (correlation with rest of total)", names, discrimination);
    return svg(
        chart,
        "chart-questions",
        "Difficulty and discrimination per question",
        alt.toString().strip());
  }

  /**
   * Draws a chart of the report's kind and drops it: the first chart a JVM draws loads the chart
   * library and the fonts.
   */
  static void warmUp() {
    CategoryChart chart = chart("warm-up", "x", "y");
    chart.addSeries("warm-up", List.of("a", "b"), List.of(1, 2));
    svg(chart, "chart-warm-up", "warm-up", "warm-up");
  }

  private static double orZero(double value) {
    return Double.isNaN(value) ? 0 : value;
  }

  private static CategoryChart chart(String title, String xTitle, String yTitle) {
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(WIDTH)
            .height(HEIGHT)
            .title(title)
            .xAxisTitle(xTitle)
            .yAxisTitle(yTitle)
            .build();
    Styler styler = chart.getStyler();
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setPlotBackgroundColor(Color.WHITE);
    styler.setLegendPosition(LegendPosition.InsideNE);
    styler.setToolTipsEnabled(false);
    chart.getStyler().setOverlapped(false);
    return chart;
  }

  /** Renders a chart to an inline SVG element with a title and a text alternative. */
  private static String svg(CategoryChart chart, String id, String title, String alt) {
    VectorGraphics2D graphics = new VectorGraphics2D();
    chart.paint(graphics, WIDTH, HEIGHT);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      new SVGProcessor()
          .getDocument(graphics.getCommands(), new PageSize(0, 0, WIDTH, HEIGHT))
          .writeTo(out);
    } catch (IOException impossible) {
      throw new UncheckedIOException(impossible);
    }
    String document = out.toString(StandardCharsets.UTF_8);
    String element = document.substring(document.indexOf("<svg"));
    int open = element.indexOf('>');
    // Clip path ids are drawn from identity hashes; prefix them so that two charts never share one.
    element =
        element
            .replace("id=\"clip", "id=\"" + id + "-clip")
            .replace("url(#clip", "url(#" + id + "-clip");
    return element.substring(0, open)
        + String.format(
            Locale.ROOT,
            " role=\"img\" aria-labelledby=\"%1$s-title %1$s-desc\" id=\"%1$s\" class=\"chart\">",
            id)
        + "<title id=\""
        + id
        + "-title\">"
        + Html.escape(title)
        + "</title><desc id=\""
        + id
        + "-desc\">"
        + Html.escape(alt)
        + "</desc>"
        + element.substring(open + 1);
  }
}
