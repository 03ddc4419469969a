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
    return take(students, baseCode, work).compare(threshold);
  }

  /**
   * Takes in the base code and every submission's sources, copying them into {@code work}: what
   * {@link Taken#compare} compares later is what the folders held now, whatever changes them
   * meanwhile.
   *
   * @param students the class's submissions
   * @param baseCode the untouched stubs, whose code no pair is counted for; empty for none
   * @param work an empty folder the check may write into; the caller deletes it once compared
   * @throws IOException when the work folder cannot be written, or the base code not read
   */
  public static Taken take(List<StudentSubmission> students, Optional<Path> baseCode, Path work)
      throws IOException {
    SubmissionIntake intake = new SubmissionIntake(Files.createDirectories(work.resolve("intake")));
    Optional<QuestionParser.Sources> base = Optional.empty();
    if (baseCode.isPresent()) {
      if (!(intake.receive(baseCode.get()) instanceof IntakeResult.Accepted accepted)) {
        throw new IOException(
            "The base code "
                + baseCode.get()
                + " holds no readable .java file; name the untouched stubs with --base-code");
      }
      base = Optional.of(sources(accepted));
    }
    List<String> notCompared = new ArrayList<>();
    Map<String, List<String>> idsOfDigest = new HashMap<>();
    List<List<String>> idsInOrder = new ArrayList<>();
    List<QuestionParser.Sources> distinct = new ArrayList<>();
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
          distinct.add(sources(accepted));
        }
        ids.add(student.id());
      } else {
        notCompared.add(student.id() + ": " + ((IntakeResult.Refused) taken).reason());
      }
    }
    return new Taken(
        base, baseCode.map(Path::toString).orElse(""), idsInOrder, distinct, notCompared);
  }

  /** Holds a class's sources as {@link #take} took them in, ready to be compared. */
  public static final class Taken {

    private final Optional<QuestionParser.Sources> base;
    private final String baseWords;
    private final List<List<String>> idsInOrder;
    private final List<QuestionParser.Sources> distinct;
    private final List<String> notCompared;

    private Taken(
        Optional<QuestionParser.Sources> base,
        String baseWords,
        List<List<String>> idsInOrder,
        List<QuestionParser.Sources> distinct,
        List<String> notCompared) {
      this.base = base;
      this.baseWords = baseWords;
      this.idsInOrder = idsInOrder;
      this.distinct = distinct;
      this.notCompared = notCompared;
    }

    /**
     * Parses each distinct text once, several to a run of the parser, and compares them on every
     * core.
     *
     * @param threshold the similarity from which a pair is listed, 0 to 1
     * @throws IOException when the base code cannot be parsed
     */
    public Similarity compare(double threshold) throws IOException {
      if (threshold < 0 || threshold > 1) {
        throw new IllegalArgumentException(
            "The threshold is a share from 0 to 1, not " + threshold);
      }
      int workers = Math.max(1, Runtime.getRuntime().availableProcessors());
      ExecutorService pool = Executors.newFixedThreadPool(workers, SimilarityCheck::daemon);
      try {
        SortedMap<Integer, QuestionCode> parsedBase = new TreeMap<>();
        if (base.isPresent()) {
          parsedBase = parsedBase(base.get(), baseWords);
        }
        List<String> skipped = new ArrayList<>(notCompared);
        List<ClassComparison.Text> texts = texts(pool);
        int accepted = texts.stream().mapToInt(text -> text.ids().size()).sum();
        texts = parsable(texts, skipped);
        if (accepted < 2) {
          return new Similarity(threshold, accepted, baseWords, List.of(), skipped);
        }
        List<SimilarPair> pairs =
            ClassComparison.pairs(texts, parsedBase, threshold, pool, workers);
        pairs.sort(
            Comparator.comparingDouble(SimilarPair::similarity)
                .reversed()
                .thenComparing(SimilarPair::first)
                .thenComparing(SimilarPair::second));
        return new Similarity(threshold, accepted, baseWords, pairs, skipped);
      } finally {
        pool.shutdownNow();
      }
    }

    /** Parses each distinct text once, several to a run of the parser. */
    private List<ClassComparison.Text> texts(ExecutorService pool) {
      List<Future<List<SortedMap<Integer, QuestionCode>>>> parsing = new ArrayList<>();
      for (int from = 0; from < distinct.size(); from += PARSED_AT_ONCE) {
        int to = Math.min(distinct.size(), from + PARSED_AT_ONCE);
        parsing.add(parseLater(pool, distinct.subList(from, to)));
      }
      List<ClassComparison.Text> texts = new ArrayList<>();
      for (Future<List<SortedMap<Integer, QuestionCode>>> chunk : parsing) {
        for (SortedMap<Integer, QuestionCode> questions : QuestionComparison.await(chunk)) {
          texts.add(new ClassComparison.Text(idsInOrder.get(texts.size()), questions));
        }
      }
      return texts;
    }
  }

  /** Parses the base code, which must parse: every comparison leans on it. */
  private static SortedMap<Integer, QuestionCode> parsedBase(
      QuestionParser.Sources base, String baseWords) throws IOException {
    SortedMap<Integer, QuestionCode> parsed = QuestionParser.parse(List.of(base)).get(0);
    for (QuestionCode code : parsed.values()) {
      if (code instanceof QuestionCode.Unparsable unparsable) {
        throw new IOException(
            "JPlag could not parse the base code "
                + baseWords
                + " ("
                + unparsable.files().stream().map(Path::toString).collect(Collectors.joining(", "))
                + "); fix it, or name the untouched stubs with --base-code");
      }
    }
    return parsed;
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
