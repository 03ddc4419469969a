package dev.awskit.grader.batch;

import dev.awskit.grader.engine.SubmissionUnusableException;
import dev.awskit.grader.scoring.GradingScheme;
import dev.awskit.grader.scoring.QuestionRule;
import dev.awskit.grader.scoring.QuestionScore;
import dev.awskit.grader.scoring.QuestionStatus;
import dev.awskit.grader.scoring.Scorecard;
import dev.awskit.grader.scoring.Tier;
import dev.awskit.grader.scoring.TierScore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds batch folders of fake submissions and grades them without the engine, so the batch's own
 * logic is tested in milliseconds: a submission is a folder whose {@code points.txt} says what each
 * question scores ({@code 1=5 2=2.5}), {@code unusable.txt} makes it unusable, and {@code
 * crash.txt} makes the grader fail on it.
 */
final class FakeClass {

  /** Names a small scheme: questions 1 and 2 easy at 5 points, question 3 hard at 10. */
  static final GradingScheme SCHEME =
      new GradingScheme(
          Duration.ofSeconds(5),
          List.of(new Tier("easy", List.of(1, 2), 5), new Tier("hard", List.of(3), 10)),
          List.of(
              new QuestionRule(1, "One", "easy", 5, List.of()),
              new QuestionRule(2, "Two", "easy", 5, List.of()),
              new QuestionRule(3, "Three", "hard", 10, List.of())),
          Map.of());

  static final GradebookLayout LAYOUT = GradebookLayout.of(SCHEME);

  static final Instant NOW = Instant.parse("2025-01-15T10:00:00Z");

  private final AtomicInteger calls = new AtomicInteger();
  private final Map<String, Integer> callsById = new ConcurrentHashMap<>();

  /** Grades a fake submission as described above, writing a report file. */
  final SubmissionGrader grader =
      (student, reportFolder) -> {
        calls.incrementAndGet();
        callsById.merge(student.id(), 1, Integer::sum);
        Path folder = student.path();
        if (Files.exists(folder.resolve("crash.txt"))) {
          throw new IllegalStateException("boom in the grader");
        }
        if (Files.exists(folder.resolve("unusable.txt"))) {
          // A file that says "where" asks for the folder graded to be named, as the intake does.
          boolean where = Files.readString(folder.resolve("unusable.txt")).equals("where");
          throw new SubmissionUnusableException(
              "no Java source in " + (where ? folder.toString() : student.id()));
        }
        Scorecard scorecard = scorecard(points(folder));
        Files.createDirectories(reportFolder);
        Files.writeString(reportFolder.resolve("report.txt"), "total " + scorecard.score());
        return scorecard;
      };

  int calls() {
    return calls.get();
  }

  int callsOf(String id) {
    return callsById.getOrDefault(id, 0);
  }

  /**
   * Writes the class of four most batch tests grade into {@code batch}: alice (20 of 20 points),
   * bob (6.5), carol (no Java source, so unusable) and dave (5), in that order.
   */
  static void classOfFour(Path batch) {
    student(batch, "alice", 1, 5, 2, 5, 3, 10);
    student(batch, "bob", 1, 2.5, 3, 4);
    write(batch.resolve("carol").resolve("unusable.txt"), "");
    student(batch, "dave", 2, 5);
  }

  /** Creates a student folder whose questions score {@code points} (question number, points...). */
  static Path student(Path batch, String id, double... points) {
    Path folder = batch.resolve(id);
    StringBuilder text = new StringBuilder();
    for (int index = 0; index + 1 < points.length; index += 2) {
      text.append((int) points[index]).append('=').append(points[index + 1]).append('\n');
    }
    write(folder.resolve("points.txt"), text.toString());
    return folder;
  }

  static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException unwritable) {
      throw new UncheckedIOException(unwritable);
    }
  }

  private static Map<Integer, Double> points(Path folder) throws IOException {
    Map<Integer, Double> points = new HashMap<>();
    Path file = folder.resolve("points.txt");
    if (Files.exists(file)) {
      for (String line : Files.readAllLines(file)) {
        if (!line.isBlank()) {
          String[] parts = line.split("=");
          points.put(Integer.parseInt(parts[0].trim()), Double.parseDouble(parts[1].trim()));
        }
      }
    }
    return points;
  }

  /** Returns a scorecard of {@link #SCHEME} with the given points per question. */
  static Scorecard scorecard(Map<Integer, Double> points) {
    List<QuestionScore> questions = new ArrayList<>();
    for (QuestionRule rule : SCHEME.questions()) {
      double score = points.getOrDefault(rule.number(), 0.0);
      questions.add(
          new QuestionScore(
              rule.number(),
              rule.title(),
              rule.tier(),
              score,
              rule.maxPoints(),
              QuestionStatus.PARTIAL,
              "",
              List.of(),
              List.of()));
    }
    List<TierScore> tiers = new ArrayList<>();
    for (Tier tier : SCHEME.tiers()) {
      double score =
          questions.stream()
              .filter(q -> q.tier().equals(tier.name()))
              .mapToDouble(QuestionScore::score)
              .sum();
      double max =
          questions.stream()
              .filter(q -> q.tier().equals(tier.name()))
              .mapToDouble(QuestionScore::maxScore)
              .sum();
      tiers.add(new TierScore(tier.name(), tier.questions(), score, max));
    }
    double total = questions.stream().mapToDouble(QuestionScore::score).sum();
    return new Scorecard(
        "fake",
        NOW,
        Duration.ZERO,
        total,
        SCHEME.maxScore(),
        tiers,
        questions,
        List.of(),
        List.of());
  }
}
