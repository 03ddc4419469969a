package dev.awskit.grader.bench;

import dev.awskit.grader.batch.StudentSubmission;
import dev.awskit.grader.classview.Similarity;
import dev.awskit.grader.classview.SimilarityCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Times the similarity check alone on a class written by {@link GeneratedClass}, to tell JPlag's
 * worst case from a class that looks like a real one, and says whether it met the 60 s of issue
 * 12 (which counts the class report and the exports too: see {@link ClassViewBench}).
 *
 * <p>Run: {@code java -cp ... SimilarityScaleBench MODE STUDENTS WORK} from {@code grader/}; the
 * class is written into {@code WORK} once and kept for later runs.
 */
final class SimilarityScaleBench {

  private static final Path STUBS = Path.of("..", "exercises", "src", "main", "java");

  private SimilarityScaleBench() {}

  public static void main(String[] args) throws IOException {
    String mode = args[0];
    int students = Integer.parseInt(args[1]);
    Path work = Files.createDirectories(Path.of(args[2]));
    List<StudentSubmission> submissions =
        GeneratedClass.write(mode, students, work.resolve("class-" + mode + "-" + students));
    ProcessClock clock = ProcessClock.start();
    Similarity similarity =
        SimilarityCheck.run(
            submissions,
            Optional.of(STUBS),
            SimilarityCheck.DEFAULT_THRESHOLD,
            Files.createTempDirectory(work, "similarity-"));
    ProcessClock.Reading took = clock.read();
    System.out.printf(
        Locale.ROOT,
        "%s, %d students: similarity %s; %d pairs at or above %.2f, %d not compared; 60 s %s%n",
        mode,
        students,
        took,
        similarity.pairs().size(),
        SimilarityCheck.DEFAULT_THRESHOLD,
        similarity.notCompared().size(),
        took.wallSeconds() <= 60 ? "met" : "not met");
  }
}
