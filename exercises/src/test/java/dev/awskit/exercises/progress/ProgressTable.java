package dev.awskit.exercises.progress;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * Writes a student's progress: what the grader checks in each question that ran, then one row
 * per question with its public tests passed and its status, so the table is what a terminal
 * shows last.
 */
public final class ProgressTable {

  private ProgressTable() {}

  /**
   * Writes the progress of a run.
   *
   * @param progress the public tests of every question, by number, in number order
   * @param titles each question's title, by number
   * @param checks what the grader checks, with the points of each check
   * @param out where to write
   */
  public static void write(
      List<QuestionProgress> progress,
      Map<Integer, String> titles,
      HiddenChecks checks,
      PrintStream out) {
    writeChecks(progress, titles, checks, out);
    int width =
        Math.max(
            "Question".length(),
            progress.stream()
                .mapToInt(row -> title(titles, row.number()).length())
                .max()
                .orElse(0));
    String format = "%3s  %-" + width + "s  %6s  %12s  %s%n";
    out.println();
    out.println("Your progress on the public tests");
    out.printf(format, "Q", "Question", "Points", "Public tests", "Status");
    for (QuestionProgress row : progress) {
      out.printf(
          format,
          row.number(),
          title(titles, row.number()),
          checks.question(row.number()).map(HiddenChecks.Question::points).orElse("?"),
          row.status() == QuestionStatus.NOT_RUN ? "-" : row.passed() + "/" + row.run(),
          row.status().label());
    }
    long passing = progress.stream().filter(row -> row.status() == QuestionStatus.PASSING).count();
    long ran = progress.stream().filter(row -> row.status() != QuestionStatus.NOT_RUN).count();
    out.printf(
        ran == progress.size()
            ? "%d of %d questions pass their public tests."
            : "%d of the %d questions run here pass their public tests.",
        passing,
        ran);
    out.printf(
        " The grader runs more tests per question: passing the public ones is a good sign, not"
            + " a full score.%n");
    out.flush();
  }

  private static void writeChecks(
      List<QuestionProgress> progress,
      Map<Integer, String> titles,
      HiddenChecks checks,
      PrintStream out) {
    List<HiddenChecks.Question> shown =
        progress.stream()
            .filter(row -> row.status() != QuestionStatus.NOT_RUN)
            .flatMap(row -> checks.question(row.number()).stream())
            .toList();
    if (shown.isEmpty()) {
      return;
    }
    out.println();
    out.println(
        "What the grader checks (names and points; the grading tests themselves are not shared)");
    for (HiddenChecks.Question question : shown) {
      out.printf(
          "%nQuestion %d - %s (%s, %s points)%n",
          question.number(), title(titles, question.number()), question.tier(), question.points());
      for (HiddenChecks.Check check : question.checks()) {
        out.printf("  %6s pts  %s%n", check.points(), check.name());
      }
    }
  }

  private static String title(Map<Integer, String> titles, int number) {
    return titles.getOrDefault(number, "");
  }
}
