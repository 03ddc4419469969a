package dev.awskit.grader.classview;

import dev.awskit.grader.batch.StudentSubmission;
import dev.awskit.grader.intake.IntakeResult;
import dev.awskit.grader.intake.SubmissionIntake;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * Compares every pair of a class's submissions with JPlag's Greedy String Tiling on Java token
 * streams (so renamed variables and reordered methods do not hide a copy), question by question,
 * leaving out the base code the students were given, and lists the pairs above a threshold.
 *
 * <p>Each question's files are compared apart and the questions' figures combined ({@link
 * CombinedSimilarity}): the tiling's cost grows with the square of a stream's length, so twelve
 * short comparisons cost about a twelfth of one long one. Identical submissions are parsed once,
 * several to a run of the parser; within a question, streams of identical token types (an
 * untouched stub, the same solution with other names or comments) are compared once; pairs that
 * cannot reach the threshold are not tiled ({@link ClassComparison}). The work runs on every
 * core.
 *
 * <p>Sources reach JPlag through the same intake as grading (zip checks, size limits, links
 * refused).
 */
public final class SimilarityCheck {

  /** Names the default threshold: half of two submissions' own code in common. */
  public static final double DEFAULT_THRESHOLD = 0.5;

  // Texts parsed in one run of javac, whose set-up costs about as much as parsing one text.
  private static final int PARSED_AT_ONCE = 25;

  private SimilarityCheck() {}

  /**
   * Runs the check.
   *
   * @param students the class's submissions
   * @param baseCode the untouched stubs, whose code no pair is counted for; empty for none
   * @param threshold the similarity from which a pair is listed, 0 to 1
   * @param work an empty folder the check may write into; the caller deletes it
   * @throws IOException when the work folder cannot be written, or the base code not read
   */
  public static Similarity run(
      List<StudentSubmission> students, Optional<Path> baseCode, double threshold, Path work)
      throws IOException {
    if (threshold < 0 || threshold > 1) {
      throw new IllegalArgumentException("The threshold is a share from 0 to 1, not " + threshold);
    }
    SubmissionIntake intake = new SubmissionIntake(Files.createDirectories(work.resolve("intake")));
    int workers = Math.max(1, Runtime.getRuntime().availableProcessors());
    ExecutorService pool = Executors.newFixedThreadPool(workers, SimilarityCheck::daemon);
    try {
      SortedMap<Integer, QuestionCode> base = new TreeMap<>();
      if (baseCode.isPresent()) {
        base = parsedBase(intake, baseCode.get());
      }
      List<String> notCompared = new ArrayList<>();
      List<ClassComparison.Text> texts = texts(students, intake, pool, notCompared);
      String baseWords = baseCode.map(Path::toString).orElse("");
      int accepted = texts.stream().mapToInt(text -> text.ids().size()).sum();
      texts = parsable(texts, notCompared);
      if (accepted < 2) {
        return new Similarity(threshold, accepted, baseWords, List.of(), notCompared);
      }
      List<SimilarPair> pairs = ClassComparison.pairs(texts, base, threshold, pool, workers);
      pairs.sort(
          Comparator.comparingDouble(SimilarPair::similarity)
              .reversed()
              .thenComparing(SimilarPair::first)
              .thenComparing(SimilarPair::second));
      return new Similarity(threshold, accepted, baseWords, pairs, notCompared);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Takes in and parses the base code, which must parse: every comparison leans on it. */
  private static SortedMap<Integer, QuestionCode> parsedBase(SubmissionIntake intake, Path base)
      throws IOException {
    if (!(intake.receive(base) instanceof IntakeResult.Accepted accepted)) {
      throw new IOException(
          "The base code "
              + base
              + " holds no readable .java file; name the untouched stubs with --base-code");
    }
    SortedMap<Integer, QuestionCode> parsed =
        QuestionParser.parse(List.of(sources(accepted))).get(0);
    for (QuestionCode code : parsed.values()) {
      if (code instanceof QuestionCode.Unparsable unparsable) {
        throw new IOException(
            "JPlag could not parse the base code "
                + base
                + " ("
                + unparsable.files().stream().map(Path::toString).collect(Collectors.joining(", "))
                + "); fix it, or name the untouched stubs with --base-code");
      }
    }
    return parsed;
  }

  /**
   * Takes in every submission and parses each distinct text once, several to a run of the parser,
   * on every core; notes the students left out.
   */
  private static List<ClassComparison.Text> texts(
      List<StudentSubmission> students,
      SubmissionIntake intake,
      ExecutorService pool,
      List<String> notCompared)
      throws IOException {
    Map<String, List<String>> idsOfDigest = new HashMap<>();
    List<List<String>> idsInOrder = new ArrayList<>();
    List<Future<List<SortedMap<Integer, QuestionCode>>>> parsing = new ArrayList<>();
    List<QuestionParser.Sources> waiting = new ArrayList<>();
    for (StudentSubmission student : students) {
      if (student.isAmbiguous()) {
        notCompared.add(student.id() + ": two submissions with this id");
        continue;
      }
      IntakeResult taken = intake.receive(student.path());
      if (taken instanceof IntakeResult.Accepted accepted) {
        String digest = digest(accepted.sources(), accepted.sourceRoot());
        List<String> ids = idsOfDigest.get(digest);
        if (ids == null) {
          ids = new ArrayList<>();
          idsOfDigest.put(digest, ids);
          idsInOrder.add(ids);
          waiting.add(sources(accepted));
          if (waiting.size() == PARSED_AT_ONCE) {
            parsing.add(parseLater(pool, waiting));
            waiting = new ArrayList<>();
          }
        }
        ids.add(student.id());
      } else {
        notCompared.add(student.id() + ": " + ((IntakeResult.Refused) taken).reason());
      }
    }
    if (!waiting.isEmpty()) {
      parsing.add(parseLater(pool, waiting));
    }
    List<ClassComparison.Text> texts = new ArrayList<>();
    for (Future<List<SortedMap<Integer, QuestionCode>>> chunk : parsing) {
      for (SortedMap<Integer, QuestionCode> questions : QuestionComparison.await(chunk)) {
        texts.add(new ClassComparison.Text(idsInOrder.get(texts.size()), questions));
      }
    }
    return texts;
  }

  private static Future<List<SortedMap<Integer, QuestionCode>>> parseLater(
      ExecutorService pool, List<QuestionParser.Sources> chunk) {
    List<QuestionParser.Sources> sources = List.copyOf(chunk);
    return pool.submit(() -> QuestionParser.parse(sources));
  }

  private static QuestionParser.Sources sources(IntakeResult.Accepted accepted) {
    return new QuestionParser.Sources(accepted.sourceRoot(), accepted.sources());
  }

  /**
   * Returns the texts with at least one question JPlag could parse, noting the students whose
   * code it could not parse, wholly or in part.
   */
  private static List<ClassComparison.Text> parsable(
      List<ClassComparison.Text> texts, List<String> notCompared) {
    List<ClassComparison.Text> kept = new ArrayList<>();
    for (ClassComparison.Text text : texts) {
      SortedMap<Integer, QuestionCode> parsed = new TreeMap<>();
      List<String> failures = new ArrayList<>();
      text.questions()
          .forEach(
              (question, code) -> {
                if (code instanceof QuestionCode.Parsed ok) {
                  parsed.put(question, ok);
                } else if (code instanceof QuestionCode.Unparsable unparsable) {
                  failures.add(
                      (question == QuestionParser.NO_QUESTION
                              ? "the files outside the question folders"
                              : "question " + question)
                          + " not compared: JPlag could not parse "
                          + unparsable.files().stream()
                              .map(Path::toString)
                              .collect(Collectors.joining(", ")));
                }
              });
      for (String id : text.ids()) {
        if (parsed.isEmpty()) {
          notCompared.add(
              id + ": not compared: JPlag could not parse it (its grade report shows the"
                  + " compiler's errors)");
        } else if (!failures.isEmpty()) {
          notCompared.add(
              id + ": " + String.join("; ", failures) + " (its grade report shows the compiler's"
                  + " errors); the other questions were compared");
        }
      }
      if (!parsed.isEmpty()) {
        kept.add(new ClassComparison.Text(text.ids(), parsed));
      }
    }
    return kept;
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

  private static Thread daemon(Runnable work) {
    Thread thread = new Thread(work, "similarity");
    thread.setDaemon(true); // a failed check must not keep the grader's JVM alive
    return thread;
  }
}
