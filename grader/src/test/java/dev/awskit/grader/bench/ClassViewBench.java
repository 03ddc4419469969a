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
 * and the LMS exports. The class is made from a graded batch: student {@code i} hands in the
 * submission of student {@code i mod n} of that batch and has its stored result and JSON report, so
 * nothing is graded again. With {@code distinct}, every copy gets a comment of its own, so that no
 * two submissions are identical and JPlag compares every pair (its worst case: copies whose token
 * streams match); without, identical copies are compared once.
 *
 * @param graded the graded batch's submissions folder and output folder
 * @param students how many students the large class has
 * @param work an empty folder to build the class in
 * @param distinct whether to make every submission's text differ
 */
record ClassViewBench(Path submissions, Path graded, int students, Path work, boolean distinct) {

  /**
   * Holds what one run took.
   *
   * @param similarity the similarity check
   * @param report the class report
   * @param exports the Canvas and Moodle exports
   * @param pairs how many pairs the similarity check listed
   */
  record Timing(Duration similarity, Duration report, Duration exports, int pairs) {

    Duration total() {
      return similarity.plus(report).plus(exports);
    }

    /** Returns the benchmark report's row. */
    String row(int students) {
      return String.format(
          Locale.ROOT,
          "| 6. after grading %d submissions: similarity (JPlag), class report, LMS exports"
              + " | %.1f s (%.1f + %.1f + %.1f; %d pairs listed) | at most 60 s |%n",
          students,
          total().toMillis() / 1000.0,
          similarity.toMillis() / 1000.0,
          report.toMillis() / 1000.0,
          exports.toMillis() / 1000.0,
          pairs);
    }
  }

  Timing run() throws IOException {
    List<String> gradedIds;
    try (Stream<Path> list = Files.list(graded.resolve(ResultStore.STUDENTS_FOLDER))) {
      gradedIds = list.map(path -> path.getFileName().toString()).sorted().toList();
    }
    Path classFolder = Files.createDirectories(work.resolve("class"));
    ResultStore store = new ResultStore(work.resolve("output"));
    ResultStore gradedStore = new ResultStore(graded);
    List<StudentSubmission> submissionList = new ArrayList<>();
    List<StudentResult> results = new ArrayList<>();
    StringBuilder roster = new StringBuilder("submission,name,canvas_id,email\n");
    for (int i = 0; i < students; i++) {
      String model = gradedIds.get(i % gradedIds.size());
      String id = String.format(Locale.ROOT, "s%04d", i);
      Path source = submissions.resolve(model);
      copyTree(source, classFolder.resolve(id));
      if (distinct) {
        markEveryJavaFile(classFolder.resolve(id), id);
      }
      submissionList.add(new StudentSubmission(id, List.of(classFolder.resolve(id))));
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
        similarity.pairs().size());
  }

  /** Runs the figure alone: {@code SUBMISSIONS GRADED_OUTPUT STUDENTS WORK [distinct]}. */
  public static void main(String[] args) throws IOException {
    ClassViewBench bench =
        new ClassViewBench(
            Path.of(args[0]),
            Path.of(args[1]),
            Integer.parseInt(args[2]),
            Path.of(args[3]),
            args.length > 4 && args[4].equals("distinct"));
    System.out.print(bench.run().row(bench.students()));
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
