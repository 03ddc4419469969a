package dev.awskit.grader.testing;

import dev.awskit.grader.engine.Catalog;
import dev.awskit.grader.engine.Grader;
import dev.awskit.grader.engine.GradingResult;
import dev.awskit.grader.engine.RunSettings;
import dev.awskit.grader.engine.SubmissionRunner;
import dev.awskit.grader.engine.SubmissionSource;
import dev.awskit.grader.engine.SubmissionUnusableException;
import dev.awskit.grader.scoring.GradingScheme;
import dev.awskit.grader.scoring.Scorecard;
import dev.awskit.grader.scoring.Scorer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Shares what the grader's own tests need many times: the kit's catalog, one grader, and the
 * grades of the reference solution and of the untouched stubs, each computed once per test JVM.
 */
public final class Graded {

  /** Names the instant every test grading starts at, so reports are reproducible. */
  public static final Instant NOW = Instant.parse("2025-01-15T10:00:00Z");

  /** Names the folder of the reference solution's sources, from the grader module. */
  public static final Path SOLUTION_SOURCES = Path.of("..", "solutions", "src", "main", "java");

  private Graded() {}

  /** Returns the kit's catalog. */
  public static Catalog catalog() {
    return Shared.CATALOG;
  }

  /** Returns a grader of the kit's catalog with a fixed clock; it is shared, do not close it. */
  public static Grader grader() {
    return Shared.GRADER;
  }

  /** Returns the default scheme of the kit. */
  public static GradingScheme scheme() {
    return Shared.SCHEME;
  }

  /** Returns the engine's result of grading the reference solution. */
  public static GradingResult reference() {
    return Reference.RESULT;
  }

  /** Returns the scorecard of the reference solution under the default scheme. */
  public static Scorecard referenceScorecard() {
    return Scorer.score(scheme(), reference());
  }

  /** Returns the engine's result of grading the untouched stubs. */
  public static GradingResult stubs() {
    return Stubs.RESULT;
  }

  /** Grades a submission with the shared grader and the default settings. */
  public static GradingResult grade(SubmissionSource source) {
    try {
      return grader().grade(source, RunSettings.defaults());
    } catch (SubmissionUnusableException unusable) {
      throw new IllegalStateException(unusable);
    }
  }

  /** Runs {@code work} and returns its value with the wall-clock time it took. */
  public static <T> Timed<T> timed(Work<T> work) throws Exception {
    long start = System.nanoTime();
    T value = work.get();
    return new Timed<>(value, Duration.ofNanos(System.nanoTime() - start));
  }

  /** Computes a value, or fails. */
  @FunctionalInterface
  public interface Work<T> {
    /** Returns the value. */
    T get() throws Exception;
  }

  /**
   * Holds a value and how long computing it took.
   *
   * @param value the value
   * @param took the wall-clock time
   */
  public record Timed<T>(T value, Duration took) {}

  private static final class Shared {
    static final Catalog CATALOG = Catalog.load();
    static final Grader GRADER =
        new Grader(CATALOG, SubmissionRunner.inProcess(), Clock.fixed(NOW, ZoneOffset.UTC));
    static final GradingScheme SCHEME = GradingScheme.defaults(CATALOG);
  }

  private static final class Reference {
    static final GradingResult RESULT = grade(new SubmissionSource.Reference());
  }

  private static final class Stubs {
    static final GradingResult RESULT = grade(new SubmissionSource.Stubs());
  }
}
