package dev.awskit.grader.bench;

import dev.awskit.grader.batch.ResultStore;
import dev.awskit.grader.batch.StudentResult;
import dev.awskit.grader.batch.StudentSubmission;
import dev.awskit.grader.classview.ClassReportFiles;
import dev.awskit.grader.classview.LmsExport;
import dev.awskit.grader.classview.LmsRoster;
import dev.awskit.grader.classview.Similarity;
import dev.awskit.grader.classview.SimilarityCheck;
import dev.awskit.grader.engine.Catalog;
import dev.awskit.grader.report.ReportFormat;
import dev.awskit.grader.scoring.GradingScheme;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Times what a batch does after grading, for a large class: the similarity check, the class report
 * and the LMS exports. Student {@code i} has the stored result and JSON report of student {@code i
 * mod n} of a graded batch, so nothing is graded again; the code the similarity check compares
 * depends on {@code code}:
 *
 * <ul>
 *   <li>{@code copies}: the graded batch's submissions, copied; identical copies are compared once;
 *   <li>{@code distinct}: the same with a comment of each student's own in every file, so no two
 *       texts are identical, but their token streams are, and those are compared once too;
 *   <li>{@code mixed} or {@code independent}: a class of mutually distinct submissions written by
 *       {@link GeneratedClass} in that mode.
 * </ul>
 *
 * @param submissions the graded batch's submissions folder
 * @param graded the graded batch's output folder
 * @param students how many students the large class has
 * @param work an empty folder to build the class in
 * @param code where the class's code comes from: {@code copies}, {@code distinct}, {@code mixed}
 *     or {@code independent}
 */
record ClassViewBench(Path submissions, Path graded, int students, Path work, String code) {

  /** Names the target of issue 12 for the class view of 500 submissions. */
  static final double TARGET_SECONDS = 60;

  /**
   * Holds what one run took.
   *
   * @param similarity the similarity check
   * @param report the class report
   * @param exports the Canvas and Moodle exports
   * @param pairs how many pairs the similarity check listed
   * @param clock the whole run's wall and CPU time and the load average
   */
  record Timing(
      Duration similarity,
      Duration report,
      Duration exports,
      int pairs,
      ProcessClock.Reading clock) {

    Duration total() {
      return similarity.plus(report).plus(exports);
    }

    /** Returns the benchmark report's row. */
    String row(int students, String code) {
      double seconds = total().toMillis() / 1000.0;
      return String.format(
          Locale.ROOT,
          "| 6. after grading, %d students' code (%s): similarity (JPlag), class report, LMS"
              + " exports | %.1f s (%.1f + %.1f + %.1f; %d pairs listed; %.1f s CPU, load average"
              + " %.1f to %.1f) | at most %.0f s: %s |%n",
          students,
          code,
          seconds,
          similarity.toMillis() / 1000.0,
          report.toMillis() / 1000.0,
          exports.toMillis() / 1000.0,
          pairs,
          clock.cpuSeconds(),
          clock.loadAtStart(),
          clock.loadAtEnd(),
          TARGET_SECONDS,
          seconds <= TARGET_SECONDS ? "met" : "not met");
    }
  }

  Timing run() throws IOException {
    List<String> gradedIds;
    try (Stream<Path> list = Files.list(graded.resolve(ResultStore.STUDENTS_FOLDER))) {
      gradedIds = list.map(path -> path.getFileName().toString()).sorted().toList();
    }
    Path classFolder = Files.createDirectories(work.resolve("class"));
    List<StudentSubmission> generated =
        code.equals("mixed") || code.equals("independent")
            ? GeneratedClass.write(code, students, work.resolve("generated-" + code))
            : List.of();
    ResultStore store = new ResultStore(work.resolve("output"));
    ResultStore gradedStore = new ResultStore(graded);
    List<StudentSubmission> submissionList = new ArrayList<>();
    List<StudentResult> results = new ArrayList<>();
    StringBuilder roster = new StringBuilder("submission,name,canvas_id,email\n");
    for (int i = 0; i < students; i++) {
      String model = gradedIds.get(i % gradedIds.size());
      String id = String.format(Locale.ROOT, "s%04d", i);
      if (generated.isEmpty()) {
        copyTree(submissions.resolve(model), classFolder.resolve(id));
        if (code.equals("distinct")) {
          markEveryJavaFile(classFolder.resolve(id), id);
        }
        submissionList.add(StudentSubmission.of(id, classFolder.resolve(id)));
      } else {
        submissionList.add(generated.get(i));
      }
      StudentResult result = gradedStore.read(model).orElseThrow();
      StudentResult renamed =
          new StudentResult(
              id,
              result.status(),
              result.reason(),
              result.scores(),
              result.submission(),
              result.settings(),
              result.gradedAt());
      store.write(renamed);
      Path report = gradedStore.folderOf(model).resolve(ReportFormat.JSON.fileName());
      if (Files.exists(report)) {
        Files.copy(report, store.folderOf(id).resolve(ReportFormat.JSON.fileName()));
      }
      results.add(renamed);
      roster
          .append(id)
          .append(",Student ")
          .append(i)
          .append(',')
          .append(1000 + i)
          .append(',')
          .append(id)
          .append("@uni.example\n");
    }
    Path rosterFile = Files.writeString(work.resolve("roster.csv"), roster, StandardCharsets.UTF_8);
    GradingScheme scheme = GradingScheme.defaults(Catalog.load());

    ProcessClock clock = ProcessClock.start();
    long start = System.nanoTime();
    Path similarityWork = Files.createDirectories(work.resolve("similarity"));
    Similarity similarity =
        SimilarityCheck.run(
            submissionList,
            Optional.of(Path.of("..", "exercises", "src", "main", "java")),
            SimilarityCheck.DEFAULT_THRESHOLD,
            similarityWork);
    similarity.write(store.output());
    long afterSimilarity = System.nanoTime();
    ClassReportFiles.write(
        store, scheme, results, store.output().resolve(ClassReportFiles.FILE), Instant.now());
    long afterReport = System.nanoTime();
    try {
      LmsExport.write(
          LmsRoster.read(rosterFile), results, scheme.maxScore(), "awskit", store.output());
    } catch (dev.awskit.grader.classview.LmsRosterException broken) {
      throw new IllegalStateException(broken.getMessage(), broken);
    }
    long end = System.nanoTime();
    return new Timing(
        Duration.ofNanos(afterSimilarity - start),
        Duration.ofNanos(afterReport - afterSimilarity),
        Duration.ofNanos(end - afterReport),
        similarity.pairs().size(),
        clock.read());
  }

  /**
   * Runs the figure alone: {@code SUBMISSIONS GRADED_OUTPUT STUDENTS WORK
   * [copies|distinct|mixed|independent]}, copies unless told otherwise.
   */
  public static void main(String[] args) throws IOException {
    ClassViewBench bench =
        new ClassViewBench(
            Path.of(args[0]),
            Path.of(args[1]),
            Integer.parseInt(args[2]),
            Path.of(args[3]),
            args.length > 4 ? args[4] : "copies");
    System.out.print(bench.run().row(bench.students(), bench.code()));
  }

  private static void markEveryJavaFile(Path folder, String id) throws IOException {
    try (Stream<Path> tree = Files.walk(folder)) {
      for (Path file : tree.filter(path -> path.toString().endsWith(".java")).toList()) {
        Files.writeString(
            file,
            "// " + id + "\n",
            StandardCharsets.UTF_8,
            java.nio.file.StandardOpenOption.APPEND);
      }
    }
  }

  private static void copyTree(Path source, Path target) throws IOException {
    try (Stream<Path> tree = Files.walk(source)) {
      for (Path path : tree.toList()) {
        Path to = target.resolve(source.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(to);
        } else {
          Files.copy(path, to, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
