package dev.awskit.grader.classview;

import de.jplag.JPlag;
import de.jplag.JPlagComparison;
import de.jplag.JPlagResult;
import de.jplag.Match;
import de.jplag.Submission;
import de.jplag.Token;
import de.jplag.clustering.ClusteringOptions;
import de.jplag.exceptions.ExitException;
import de.jplag.options.JPlagOptions;
import dev.awskit.grader.batch.StudentSubmission;
import dev.awskit.grader.intake.IntakeResult;
import dev.awskit.grader.intake.SubmissionIntake;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares every pair of a class's submissions with JPlag (Java token streams, so renamed
 * variables and reordered methods do not hide a copy), leaving out the base code the students
 * were given, and lists the pairs above a threshold.
 *
 * <p>Sources reach JPlag through the same intake as grading (zip checks, size limits, links
 * refused), each student's in a folder named by a number, so that no id becomes a path.
 */
public final class SimilarityCheck {

  /** Names the default threshold: half of two submissions' own code in common. */
  public static final double DEFAULT_THRESHOLD = 0.5;

  // A question's files live in a folder (package) q01 .. q99.
  private static final Pattern QUESTION = Pattern.compile("(?:^|[/\\\\])q(\\d{2})(?:[/\\\\])");

  private SimilarityCheck() {}

  /**
   * Runs the check.
   *
   * @param students the class's submissions
   * @param baseCode the untouched stubs, whose code no pair is counted for; empty for none
   * @param threshold the similarity from which a pair is listed, 0 to 1
   * @param work an empty folder the check may write into; the caller deletes it
   * @throws IOException when the work folder cannot be written
   */
  public static Similarity run(
      List<StudentSubmission> students, Optional<Path> baseCode, double threshold, Path work)
      throws IOException {
    if (threshold < 0 || threshold > 1) {
      throw new IllegalArgumentException("The threshold is a share from 0 to 1, not " + threshold);
    }
    SubmissionIntake intake = new SubmissionIntake(Files.createDirectories(work.resolve("intake")));
    Path root = Files.createDirectories(work.resolve("submissions"));
    Map<String, String> idOfFolder = new HashMap<>();
    List<String> notCompared = new ArrayList<>();
    for (StudentSubmission student : students) {
      if (student.isAmbiguous()) {
        notCompared.add(student.id() + ": two submissions with this id");
        continue;
      }
      IntakeResult taken = intake.receive(student.path());
      if (taken instanceof IntakeResult.Accepted accepted) {
        String folder = String.valueOf(idOfFolder.size() + 1);
        Files.move(accepted.sourceRoot(), root.resolve(folder));
        idOfFolder.put(folder, student.id());
      } else {
        notCompared.add(student.id() + ": " + ((IntakeResult.Refused) taken).reason());
      }
    }
    Optional<Path> base = Optional.empty();
    if (baseCode.isPresent()) {
      if (intake.receive(baseCode.get()) instanceof IntakeResult.Accepted accepted) {
        base = Optional.of(Files.move(accepted.sourceRoot(), work.resolve("base")));
      } else {
        throw new IOException("The base code " + baseCode.get() + " holds no readable .java file");
      }
    }
    String baseWords = baseCode.map(Path::toString).orElse("");
    if (idOfFolder.size() < 2) {
      return new Similarity(threshold, idOfFolder.size(), baseWords, List.of(), notCompared);
    }
    JPlagOptions options =
        new JPlagOptions(new de.jplag.java.Language(), Set.of(root.toFile()), Set.of())
            .withSimilarityThreshold(threshold)
            .withMaximumNumberOfComparisons(JPlagOptions.SHOW_ALL_COMPARISONS)
            .withClusteringOptions(new ClusteringOptions().withEnabled(false));
    if (base.isPresent()) {
      options = options.withBaseCodeSubmissionDirectory(base.get().toFile());
    }
    JPlagResult result;
    try {
      result = new JPlag(options).run();
    } catch (ExitException failed) {
      throw new IOException("JPlag could not compare the class: " + failed.getMessage(), failed);
    }
    for (Submission invalid : result.getSubmissions().getInvalidSubmissions()) {
      notCompared.add(
          idOfFolder.getOrDefault(invalid.getName(), invalid.getName())
              + ": JPlag could not parse it, or it is too short to compare");
    }
    List<SimilarPair> pairs = new ArrayList<>();
    for (JPlagComparison comparison : result.getAllComparisons()) {
      if (comparison.similarity() >= threshold) {
        pairs.add(pair(comparison, idOfFolder));
      }
    }
    pairs.sort(
        Comparator.comparingDouble(SimilarPair::similarity)
            .reversed()
            .thenComparing(SimilarPair::first)
            .thenComparing(SimilarPair::second));
    return new Similarity(
        threshold, result.getSubmissions().numberOfSubmissions(), baseWords, pairs, notCompared);
  }

  private static SimilarPair pair(JPlagComparison comparison, Map<String, String> idOfFolder) {
    String one = idOfFolder.get(comparison.firstSubmission().getName());
    String two = idOfFolder.get(comparison.secondSubmission().getName());
    Set<Integer> questions = new TreeSet<>();
    for (Match match : comparison.matches()) {
      questions.addAll(questions(comparison.firstSubmission(), match.startOfFirst(), match.length()));
      questions.addAll(
          questions(comparison.secondSubmission(), match.startOfSecond(), match.length()));
    }
    boolean ordered = one.compareTo(two) <= 0;
    return new SimilarPair(
        ordered ? one : two,
        ordered ? two : one,
        comparison.similarity(),
        comparison.maximalSimilarity(),
        List.copyOf(questions));
  }

  private static Set<Integer> questions(Submission submission, int start, int length) {
    Set<Integer> numbers = new TreeSet<>();
    List<Token> tokens = submission.getTokenList();
    Path root = submission.getRoot().toPath();
    for (int index = start; index < start + length && index < tokens.size(); index++) {
      File file = tokens.get(index).getFile();
      if (file != null) {
        Path path = file.toPath();
        String relative = (path.startsWith(root) ? root.relativize(path) : path).toString();
        Matcher matcher = QUESTION.matcher(relative);
        if (matcher.find()) {
          numbers.add(Integer.parseInt(matcher.group(1)));
        }
      }
    }
    return numbers;
  }
}
