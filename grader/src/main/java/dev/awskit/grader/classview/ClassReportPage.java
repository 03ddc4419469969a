package dev.awskit.grader.classview;

import dev.awskit.grader.batch.GradebookLayout;
import dev.awskit.grader.batch.RowStatus;
import dev.awskit.grader.scoring.Adjustment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes a class report as one self-contained HTML page: styles, script and charts inline, nothing
 * fetched from anywhere, so that it opens from disk or an e-mail attachment.
 */
public final class ClassReportPage {

  /** Marks a question easier than this (mean share of the maximum) as hard. */
  static final double HARD = 0.3;

  /** Marks a question whose discrimination is below this as one to review. */
  static final double LOW_DISCRIMINATION = 0.2;

  private ClassReportPage() {}

  /**
   * Returns the page of a class report.
   *
   * @param report the figures
   * @param title the class's name, for the page's heading
   * @param generatedAt when the page is made
   */
  public static String render(ClassReport report, String title, Instant generatedAt) {
    StringBuilder page = new StringBuilder(64 * 1024);
    page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>Class report: ")
        .append(Html.escape(title))
        .append("</title>\n<style>\n")
        .append(resource("class-report.css"))
        .append("</style>\n</head>\n<body>\n<h1>Class report: ")
        .append(Html.escape(title))
        .append("</h1>\n");
    overview(page, report, generatedAt);
    totals(page, report);
    questions(page, report);
    tests(page, report);
    attention(page, report);
    SimilaritySection.write(page, report.similarity());
    students(page, report);
    page.append("<script>\n").append(resource("class-report.js")).append("</script>\n");
    page.append("</body>\n</html>\n");
    return page.toString();
  }

  private static void overview(StringBuilder page, ClassReport report, Instant generatedAt) {
    long unusable = count(report, RowStatus.UNUSABLE);
    long errors = count(report, RowStatus.ERROR);
    page.append("<p>")
        .append(report.students().size())
        .append(" students: ")
        .append(report.graded())
        .append(" graded, ")
        .append(unusable)
        .append(" unusable, ")
        .append(errors)
        .append(" grader errors. Made ")
        .append(generatedAt)
        .append(" from the stored results.")
        .append(" Every figure is over the graded students only.</p>\n");
    if (!report.isolationLevels().isEmpty()) {
      page.append("<p>Isolation levels the tests ran at: ")
          .append(
              report.isolationLevels().entrySet().stream()
                  .map(entry -> Html.escape(entry.getKey()) + " (" + entry.getValue() + ")")
                  .collect(Collectors.joining(", ")))
          .append(".</p>\n");
    }
  }

  private static long count(ClassReport report, RowStatus status) {
    return report.students().stream().filter(s -> s.result().status() == status).count();
  }

  private static void totals(StringBuilder page, ClassReport report) {
    page.append("<section id=\"totals\">\n<h2>Totals and tiers</h2>\n");
    page.append(ClassCharts.totals(report)).append('\n');
    page.append("<table>\n<thead><tr><th>column</th><th class=\"num\">out of</th>")
        .append("<th class=\"num\">mean</th><th class=\"num\">median</th>")
        .append("<th class=\"num\">full marks</th><th class=\"num\">zero</th>")
        .append("<th class=\"num\">difficulty</th><th class=\"num\">discrimination</th>")
        .append("</tr></thead>\n<tbody>\n");
    for (ItemStats tier : report.tiers()) {
      statsRow(page, Html.escape(tier.column()), tier, true);
    }
    statsRow(page, "total", report.total(), false);
    page.append("</tbody>\n</table>\n");
    page.append(ClassCharts.tiers(report, report.tierHistograms())).append('\n');
    page.append("</section>\n");
  }

  private static void statsRow(
      StringBuilder page, String name, ItemStats stats, boolean withIndex) {
    page.append("<tr><td>")
        .append(name)
        .append("</td>")
        .append(num(Html.number(stats.max())))
        .append(num(Html.number(stats.mean())))
        .append(num(Html.number(stats.median())))
        .append(num(Html.percent(stats.shareFull())))
        .append(num(Html.percent(stats.shareZero())))
        .append(num(Html.fixed(stats.difficulty())))
        .append(num(withIndex ? Html.fixed(stats.discrimination()) : Html.NONE))
        .append("</tr>\n");
  }

  private static void questions(StringBuilder page, ClassReport report) {
    page.append("<section id=\"questions\">\n<h2>Questions</h2>\n")
        .append(
            "<p class=\"note\">Difficulty is the mean share of the maximum (low: hard)."
                + " Discrimination is the correlation of the question with the rest of the total"
                + " (point-biserial for a right/wrong question): near zero or negative, the"
                + " question does not separate strong from weak students. Upper-lower compares the"
                + " best and weakest 27 % by total. Highlighted: difficulty below ")
        .append(Html.fixed(HARD))
        .append(" or discrimination below ")
        .append(Html.fixed(LOW_DISCRIMINATION))
        .append(". docs/instructor-guide/grade-a-class.md says how to read them.</p>\n");
    page.append(ClassCharts.questions(report)).append('\n');
    page.append("<table class=\"sortable\" id=\"question-table\">\n<thead><tr><th>question</th>")
        .append("<th>tier</th><th class=\"num\">out of</th><th class=\"num\">mean</th>")
        .append("<th class=\"num\">median</th><th class=\"num\">full marks</th>")
        .append("<th class=\"num\">zero</th><th class=\"num\">difficulty</th>")
        .append("<th class=\"num\">discrimination</th><th class=\"num\">upper-lower</th>")
        .append("</tr></thead>\n<tbody>\n");
    for (ClassReport.QuestionFigures question : report.questions()) {
      ItemStats stats = question.stats();
      page.append("<tr><td data-sort=\"")
          .append(question.number())
          .append("\">Q")
          .append(question.number())
          .append(" ")
          .append(Html.escape(question.title()))
          .append("</td><td>")
          .append(Html.escape(question.tier()))
          .append("</td>")
          .append(num(Html.number(stats.max())))
          .append(num(Html.number(stats.mean())))
          .append(num(Html.number(stats.median())))
          .append(num(Html.percent(stats.shareFull())))
          .append(num(Html.percent(stats.shareZero())))
          .append(flagged(Html.fixed(stats.difficulty()), stats.difficulty() < HARD))
          .append(
              flagged(
                  Html.fixed(stats.discrimination()), stats.discrimination() < LOW_DISCRIMINATION))
          .append(num(Html.fixed(stats.upperLower())))
          .append("</tr>\n");
    }
    page.append("</tbody>\n</table>\n</section>\n");
  }

  private static void tests(StringBuilder page, ClassReport report) {
    page.append("<section id=\"tests\">\n<h2>Hidden tests</h2>\n")
        .append("<p class=\"note\">The share of graded students who passed each hidden test, and")
        .append(" the messages the others got most often: a rule the class did not understand")
        .append(" shows as one message many students share. Counted from the students' JSON")
        .append(" reports.</p>\n");
    page.append("<table class=\"sortable\" id=\"test-table\">\n<thead><tr><th>question</th>")
        .append("<th>test</th><th class=\"num\">passed</th><th>commonest failures</th>")
        .append("</tr></thead>\n<tbody>\n");
    for (TestStats test : report.tests()) {
      double rate = test.passRate();
      page.append("<tr><td data-sort=\"")
          .append(test.question())
          .append("\">Q")
          .append(test.question())
          .append("</td><td>")
          .append(Html.escape(test.name()))
          .append("</td><td class=\"num\" data-sort=\"")
          .append(Double.isNaN(rate) ? "-1" : Html.fixed(rate))
          .append("\">")
          .append(Html.percent(rate))
          .append(" <span class=\"bar\" style=\"width:")
          .append(Double.isNaN(rate) ? 0 : Math.round(rate * 60))
          .append("px\"></span> (")
          .append(test.passed())
          .append(" of ")
          .append(test.ran())
          .append(")</td><td>");
      if (!test.failures().isEmpty()) {
        page.append("<ul class=\"failures\">");
        for (TestStats.Failure failure : test.failures()) {
          page.append("<li>")
              .append(failure.count())
              .append(" &times; ")
              .append(Html.escape(failure.message().isEmpty() ? "(no message)" : failure.message()))
              .append("</li>");
        }
        page.append("</ul>");
      }
      page.append("</td></tr>\n");
    }
    page.append("</tbody>\n</table>\n</section>\n");
  }

  private static void attention(StringBuilder page, ClassReport report) {
    page.append("<section id=\"attention\">\n<h2>Students needing attention</h2>\n");
    if (report.attention().isEmpty()) {
      page.append("<p>None: every submission was graded, compiled, passed the vetting and ran")
          .append(" without a time-out or crash.</p>\n</section>\n");
      return;
    }
    page.append("<table id=\"attention-table\">\n<thead><tr><th>student</th><th>isolation</th>")
        .append("<th>why</th></tr></thead>\n<tbody>\n");
    for (Attention student : report.attention()) {
      page.append("<tr><td>")
          .append(Html.escape(student.student()))
          .append("</td><td>")
          .append(student.isolation().isEmpty() ? Html.NONE : Html.escape(student.isolation()))
          .append("</td><td>")
          .append(student.reasons().stream().map(Html::escape).collect(Collectors.joining("<br>")))
          .append("</td></tr>\n");
    }
    page.append("</tbody>\n</table>\n</section>\n");
  }

  private static void students(StringBuilder page, ClassReport report) {
    List<String> columns = report.layout().columns();
    page.append("<section id=\"students\">\n<h2>Students</h2>\n")
        .append("<p class=\"note\">Click a column's header to sort by it. The question, tier and")
        .append(" total columns are the raw scores the hidden tests gave; when a due date or")
        .append(" overrides apply, overrides, late_penalty and final follow, and the last column")
        .append(" says why. The final score is what the learning platform exports send.</p>\n")
        .append("<table class=\"sortable\" id=\"student-table\">\n<thead><tr><th>student</th>")
        .append("<th>status</th>");
    for (String column : columns) {
      page.append("<th class=\"num\">").append(Html.escape(column)).append("</th>");
    }
    boolean adjusted = columns.contains(GradebookLayout.FINAL);
    if (adjusted) {
      page.append("<th>after grading</th>");
    }
    page.append("</tr></thead>\n<tbody>\n");
    for (StudentRecord student : report.students()) {
      page.append("<tr><td>")
          .append(Html.escape(student.student()))
          .append("</td><td>")
          .append(student.result().status())
          .append("</td>");
      for (String column : columns) {
        page.append(num(Html.number(student.result().score(column))));
      }
      if (adjusted) {
        Adjustment adjustment = student.result().adjustment();
        page.append("<td>")
            .append(
                adjustment == null
                    ? ""
                    : adjustment.notes().stream().map(Html::escape).collect(Collectors.joining("<br>")))
            .append("</td>");
      }
      page.append("</tr>\n");
    }
    page.append("</tbody>\n</table>\n</section>\n");
  }

  private static String num(String text) {
    return "<td class=\"num\">" + text + "</td>";
  }

  private static String flagged(String text, boolean flag) {
    return "<td class=\"num" + (flag ? " flag" : "") + "\">" + text + "</td>";
  }

  private static String resource(String name) {
    try (InputStream in = ClassReportPage.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("The grader jar lacks " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }
}
