package dev.awskit.grader.classview;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.awskit.grader.batch.ResultStore;
import dev.awskit.grader.batch.StudentResult;
import dev.awskit.grader.scoring.GradingScheme;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** Writes a batch's class report from the students' stored results, without grading anything. */
public final class ClassReportFiles {

  /** Names the class report's file beside the gradebook. */
  public static final String FILE = "class-report.html";

  private ClassReportFiles() {}

  /**
   * Draws a chart like the report's and drops it, so that a report written later in this JVM
   * finds the chart library and the fonts loaded.
   */
  public static void warmUp() {
    ClassCharts.warmUp();
  }

  /**
   * Writes the class report of {@code results}, reading each student's JSON report for the per-test
   * figures and the output folder's {@code similarity.json}, through a temporary file moved into
   * place.
   *
   * @param store the batch's report folders
   * @param scheme the grading scheme the class was graded with
   * @param results the students' results
   * @param target the page's file
   * @param generatedAt when the page is made
   * @return the figures the page shows
   * @throws IOException when the page cannot be written
   */
  public static ClassReport write(
      ResultStore store,
      GradingScheme scheme,
      List<StudentResult> results,
      Path target,
      Instant generatedAt)
      throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<StudentRecord> students =
        results.stream().map(result -> StudentRecord.read(store, result, json)).toList();
    ClassReport report = ClassReport.of(scheme, students, Similarity.read(store.output()));
    String title = store.output().toAbsolutePath().normalize().getFileName().toString();
    String page = ClassReportPage.render(report, title, generatedAt);
    Path folder = target.toAbsolutePath().getParent();
    Files.createDirectories(folder);
    Path temporary = Files.createTempFile(folder, ".class-report-", ".tmp");
    try {
      Files.writeString(temporary, page, StandardCharsets.UTF_8);
      Files.move(temporary, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temporary);
    }
    return report;
  }
}
