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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares every pair of a class's submissions with JPlag (Java token streams, so renamed variables
 * and reordered methods do not hide a copy), leaving out the base code the students were given, and
 * lists the pairs above a threshold.
 *
 * <p>Sources reach JPlag through the same intake as grading (zip checks, size limits, links
 * refused), each student's in a folder named by a number, so that no id becomes a path.
 */
public final class SimilarityCheck {

  /** Names the default threshold: half of two submissions' own code in common. */
  public static final double DEFAULT_THRESHOLD = 0.5;

  // A question's files live in a folder (package) q01 .. q99.
  private static final Pattern QUESTION = Pattern.compile("(?:^|[/\\\\])q(\\d{2})(?:[/\\\\])");

  // Fewer tokens of its own than this (two of JPlag's minimum matches for Java) and a
  // submission is the base code with a trifle changed.
  private static final int MINIMUM_OWN_TOKENS = 18;

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
    // Identical submissions go to JPlag once: its cost grows with the square of what it compares.
    Map<String, List<String>> membersOf = new LinkedHashMap<>();
    Map<String, Set<Integer>> questionsOf = new HashMap<>();
    Map<String, String> folderOfDigest = new HashMap<>();
    List<String> notCompared = new ArrayList<>();
    Set<String> baseFiles = new HashSet<>();
    Optional<Path> base = Optional.empty();
    if (baseCode.isPresent()) {
      if (intake.receive(baseCode.get()) instanceof IntakeResult.Accepted accepted) {
        for (Path source : accepted.sources()) {
          baseFiles.add(digest(List.of(source), accepted.sourceRoot()));
        }
        base = Optional.of(Files.move(accepted.sourceRoot(), work.resolve("base")));
      } else {
        throw new IOException("The base code " + baseCode.get() + " holds no readable .java file");
      }
    }
    for (StudentSubmission student : students) {
      if (student.isAmbiguous()) {
        notCompared.add(student.id() + ": two submissions with this id");
        continue;
      }
      IntakeResult taken = intake.receive(student.path());
      if (taken instanceof IntakeResult.Accepted accepted) {
        String digest = digest(accepted.sources(), accepted.sourceRoot());
        String folder = folderOfDigest.get(digest);
        if (folder == null) {
          folder = String.valueOf(membersOf.size() + 1);
          folderOfDigest.put(digest, folder);
          questionsOf.put(folder, ownQuestions(accepted, baseFiles));
          Files.move(accepted.sourceRoot(), root.resolve(folder));
          membersOf.put(folder, new ArrayList<>());
        }
        membersOf.get(folder).add(student.id());
      } else {
        notCompared.add(student.id() + ": " + ((IntakeResult.Refused) taken).reason());
      }
    }
    String baseWords = baseCode.map(Path::toString).orElse("");
    int accepted = membersOf.values().stream().mapToInt(List::size).sum();
    if (accepted < 2) {
      return new Similarity(threshold, accepted, baseWords, List.of(), notCompared);
    }
    List<SimilarPair> pairs = new ArrayList<>();
    if (membersOf.size() > 1) {
      JPlagResult result = compare(root, base, threshold);
      for (Submission invalid : result.getSubmissions().getInvalidSubmissions()) {
        for (String id : membersOf.getOrDefault(invalid.getName(), List.of(invalid.getName()))) {
          notCompared.add(id + ": JPlag could not parse it, or it is too short to compare");
        }
        membersOf.remove(invalid.getName());
      }
      for (JPlagComparison comparison : result.getAllComparisons()) {
        if (comparison.similarity() >= threshold) {
          pairs.addAll(pairs(comparison, membersOf));
        }
      }
      for (Submission submission : result.getSubmissions().getSubmissions()) {
        if (ownTokens(submission) < MINIMUM_OWN_TOKENS) {
          // Identical copies of the base code (the untouched stubs) are no lead.
          membersOf.remove(submission.getName());
        }
      }
    }
    boolean withBase = base.isPresent();
    membersOf.forEach(
        (folder, ids) -> {
          if (withBase && questionsOf.get(folder).isEmpty()) {
            return; // every file a copy of the base code's
          }
          for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
              pairs.add(ordered(ids.get(i), ids.get(j), 1.0, 1.0, questionsOf.get(folder)));
            }
          }
        });
    pairs.sort(
        Comparator.comparingDouble(SimilarPair::similarity)
            .reversed()
            .thenComparing(SimilarPair::first)
            .thenComparing(SimilarPair::second));
    return new Similarity(threshold, accepted, baseWords, pairs, notCompared);
  }

  private static JPlagResult compare(Path root, Optional<Path> base, double threshold)
      throws IOException {
    JPlagOptions options =
        new JPlagOptions(new de.jplag.java.Language(), Set.of(root.toFile()), Set.of())
            .withSimilarityThreshold(threshold)
            .withMaximumNumberOfComparisons(JPlagOptions.SHOW_ALL_COMPARISONS)
            .withClusteringOptions(new ClusteringOptions().withEnabled(false));
    if (base.isPresent()) {
      options = options.withBaseCodeSubmissionDirectory(base.get().toFile());
    }
    try {
      return new JPlag(options).run();
    } catch (ExitException failed) {
      throw new IOException("JPlag could not compare the class: " + failed.getMessage(), failed);
    }
  }

  /** Returns how many of a submission's tokens are not matched by the base code. */
  private static int ownTokens(Submission submission) {
    JPlagComparison withBase = submission.getBaseCodeComparison();
    return submission.getNumberOfTokens()
        - (withBase == null ? 0 : withBase.getNumberOfMatchedTokens());
  }

  /** Returns the questions of the files that are not a copy of a base code file. */
  private static Set<Integer> ownQuestions(IntakeResult.Accepted accepted, Set<String> baseFiles)
      throws IOException {
    Set<Integer> numbers = new TreeSet<>();
    for (Path source : accepted.sources()) {
      if (!baseFiles.contains(digest(List.of(source), accepted.sourceRoot()))) {
        Matcher matcher = QUESTION.matcher(accepted.sourceRoot().relativize(source).toString());
        if (matcher.find()) {
          numbers.add(Integer.parseInt(matcher.group(1)));
        }
      }
    }
    return numbers;
  }

  /** Returns a digest of the files' contents (and, for several, their paths). */
  private static String digest(List<Path> sources, Path root) throws IOException {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
    for (Path source : sources) {
      if (sources.size() > 1) {
        sha.update(root.relativize(source).toString().getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
      sha.update(Files.readAllBytes(source));
      sha.update((byte) 0);
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  private static List<SimilarPair> pairs(
      JPlagComparison comparison, Map<String, List<String>> membersOf) {
    Set<Integer> questions = new TreeSet<>();
    for (Match match : comparison.matches()) {
      questions.addAll(
          questions(comparison.firstSubmission(), match.startOfFirst(), match.length()));
      questions.addAll(
          questions(comparison.secondSubmission(), match.startOfSecond(), match.length()));
    }
    List<SimilarPair> pairs = new ArrayList<>();
    for (String one : membersOf.getOrDefault(comparison.firstSubmission().getName(), List.of())) {
      for (String two :
          membersOf.getOrDefault(comparison.secondSubmission().getName(), List.of())) {
        pairs.add(
            ordered(one, two, comparison.similarity(), comparison.maximalSimilarity(), questions));
      }
    }
    return pairs;
  }

  private static SimilarPair ordered(
      String one, String two, double similarity, double maximum, Set<Integer> questions) {
    boolean inOrder = one.compareTo(two) <= 0;
    return new SimilarPair(
        inOrder ? one : two, inOrder ? two : one, similarity, maximum, List.copyOf(questions));
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
