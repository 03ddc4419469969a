package dev.awskit.grader.defendant;

import dev.awskit.grader.hidden.QuestionGivenUp;
import dev.awskit.grader.hidden.Submission;
import dev.awskit.grader.hidden.SubmissionHost;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Holds the judge's side of a submission's defendant JVM: the hidden tests create the submission's
 * objects through it, and get proxies whose calls run in the defendant.
 *
 * <p>Nothing the defendant sends can change a verdict other than by what the submission's code
 * answers: JUnit, the tests, the doubles and the assertions stay in the judge's JVM. A defendant
 * that ended, or whose code ran past a test's time limit, is ended and replaced by a new one for
 * the tests that follow, so that one runaway test costs that test only; so is one where threads of
 * the submission's code run on after a test class's tests, for the next test class.
 */
public final class Defendant implements SubmissionHost, AutoCloseable {

  /** How long a time limit waits to learn where the code past it runs. */
  private static final Duration WHERE_PATIENCE = Duration.ofSeconds(1);

  /** How long the end of a test waits to learn what it printed. */
  private static final Duration PRINTED_PATIENCE = Duration.ofSeconds(2);

  /** Caps the printed text taken per test, whatever the defendant claims to have kept. */
  private static final int MAX_PRINTED_CHARS = 1 << 20;

  /**
   * How long the end of a test class waits for the defendant to drop its classes and say whether
   * threads of the submission's code run on (it gives them a quarter of a second to end).
   */
  private static final Duration RELEASE_PATIENCE = Duration.ofSeconds(2);

  /** How many defendants one question's code may end or stall before its other tests are skipped. */
  private static final int MAX_LOST_PER_QUESTION = 2;

  private final Supplier<Channel> starter;
  private final List<String> warmUpTypes;

  private final Map<String, Integer> lost = new ConcurrentHashMap<>();
  private Connection current;
  private Printed pendingPrinted;

  /**
   * Holds the streams of one defendant JVM and how to end it.
   *
   * @param fromDefendant what it answers on, its standard output
   * @param toDefendant what the judge calls it on, its standard input
   * @param end ends it and everything it started; nothing of it runs once this returns
   * @param whyEnded says, once its channel closed, why it ended, such as that it ran out of memory
   * @param classRoots the submission's compiled classes, where the defendant reads them
   * @param sharedFolder where the tests' files go so that the defendant reaches them under the
   *     same path; empty when it reaches the judge's temporary folder
   */
  public record Channel(
      InputStream fromDefendant,
      OutputStream toDefendant,
      Runnable end,
      Supplier<Optional<String>> whyEnded,
      List<String> classRoots,
      Optional<Path> sharedFolder) {}

  /**
   * Holds one running defendant: its endpoint, the object that builds its submissions, and the
   * test class that last used it, whose code a lost defendant is counted against.
   */
  private record Connection(
      Channel channel, Endpoint endpoint, Courtroom courtroom, AtomicReference<String> lastScope) {}

  private Defendant(Supplier<Channel> starter, List<String> warmUpTypes) {
    this.starter = starter;
    this.warmUpTypes = List.copyOf(warmUpTypes);
  }

  /**
   * Returns a defendant that {@code starter} starts when the first test needs it, and again after
   * one ends; each prepares the proxies of {@code warmUpTypes} before a test's clock starts.
   */
  public static Defendant startedBy(Supplier<Channel> starter, List<String> warmUpTypes) {
    return new Defendant(starter, warmUpTypes);
  }

  /**
   * Returns what the tests of {@code scope} create the submission's objects with; the classes are
   * those the defendant running at the time reads, wherever its sandbox holds them, not {@code
   * roots}, the grader's copy.
   */
  @Override
  public Submission open(String scope, List<Path> roots) {
    return new Submission() {
      @Override
      public <T> T create(Class<T> contract, Object... constructorArguments) {
        int lost = lostBy(scope);
        if (lost >= MAX_LOST_PER_QUESTION) {
          throw new QuestionGivenUp(lost);
        }
        Connection connection = connection();
        connection.lastScope().set(scope);
        return contract.cast(
            connection
                .courtroom()
                .create(
                    scope,
                    connection.channel().classRoots(),
                    contract.getName(),
                    Arrays.asList(constructorArguments)));
      }
    };
  }

  @Override
  public Optional<Path> folderForTests() {
    return connection().channel().sharedFolder();
  }

  /**
   * Returns where the submission's code runs that {@code thread} waits on, in the defendant, with
   * the test's frames below; {@code thread}'s own stack when it waits on no such code. Asked when
   * a test ran past its time limit, so the defendant, whose code may spin on, is replaced.
   */
  @Override
  public StackTraceElement[] whereIs(Thread thread) {
    Connection stuck = running().orElse(null);
    if (stuck == null) {
      return thread.getStackTrace();
    }
    StackTraceElement[] where =
        stuck.endpoint().whereIs(thread, WHERE_PATIENCE).orElseGet(thread::getStackTrace);
    // What the stuck test printed goes with it, not with the defendant that replaces this one.
    Printed printed = takePrinted();
    replace(stuck);
    synchronized (this) {
      pendingPrinted = printed;
    }
    // Before the next test starts its clock.
    start();
    return where;
  }

  /**
   * Starts a defendant, unless one runs, and waits until it serves calls: the tests' time limits
   * then never count a JVM's start. A defendant that cannot start is left to the next test, which
   * reports it.
   */
  public void start() {
    try {
      connection().courtroom().ready(warmUpTypes);
    } catch (SubmissionProcessEnded | RuntimeException notStarted) {
      // The next call starts another, and fails with the reason if that one cannot start either.
    }
  }

  /**
   * Replaces a defendant that ended during the test that just finished, and waits until the new
   * one serves calls: called between tests, so that the next test's clock does not count a JVM's
   * start.
   */
  public void readyForNextTest() {
    boolean ended;
    synchronized (this) {
      ended = current != null && current.endpoint().hasEnded();
    }
    if (ended) {
      start();
    }
  }

  /** Starts a defendant, unless one runs, without waiting for it to serve calls. */
  public void startInBackground() {
    try {
      connection();
    } catch (RuntimeException notStarted) {
      // As in start: the next call tries again.
    }
  }

  /**
   * Returns what the submission printed since the last call, the beginning of it as text and the
   * number of bytes in all; nothing when no defendant runs or it cannot say.
   */
  public Printed takePrinted() {
    synchronized (this) {
      if (pendingPrinted != null) {
        Printed pending = pendingPrinted;
        pendingPrinted = null;
        return pending;
      }
    }
    try {
      List<?> printed =
          running()
              .flatMap(connection -> connection.endpoint().printed(PRINTED_PATIENCE))
              .filter(List.class::isInstance)
              .map(List.class::cast)
              .orElse(List.of("", 0L));
      String text = String.valueOf(printed.get(0));
      return new Printed(
          text.substring(0, Math.min(text.length(), MAX_PRINTED_CHARS)),
          ((Number) printed.get(1)).longValue());
    } catch (RuntimeException | AssertionError unanswered) {
      return new Printed("", 0);
    }
  }

  /**
   * Holds what the submission printed during a test.
   *
   * @param text the beginning of it, decoded as UTF-8
   * @param bytes how many bytes it printed in all
   */
  public record Printed(String text, long bytes) {}

  /**
   * Has the running defendant drop the classes of {@code scope}, whose tests have ended, and
   * replaces it when threads of the submission's code run on there, or it does not answer: such
   * threads would use the JVM's threads and memory while the next test class runs, and could end
   * it in the middle of another question's test. Waits a moment at most, since no time limit
   * covers the end of a test class and a defendant whose code is stuck may never answer.
   */
  @Override
  public void release(String scope) {
    Optional<Connection> running =
        running().filter(connection -> !connection.endpoint().hasEnded());
    if (running.isEmpty()) {
      return;
    }
    AtomicBoolean clean = new AtomicBoolean();
    Thread releasing =
        new Thread(
            () -> {
              try {
                Courtroom courtroom = running.get().courtroom();
                courtroom.release(scope);
                clean.set(courtroom.threadsLeft().isEmpty());
              } catch (RuntimeException | AssertionError ended) {
                // The defendant ended meanwhile, and its classes with it.
              }
            },
            "awskit-judge-release");
    releasing.setDaemon(true);
    releasing.start();
    try {
      releasing.join(RELEASE_PATIENCE.toMillis());
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return;
    }
    if (!clean.get()) {
      replace(running.get());
      // Before the next test class starts its clock.
      start();
    }
  }

  /** Ends the defendant running now, if any, and every call still waiting on it. */
  @Override
  public synchronized void close() {
    if (current != null) {
      end(current);
      current = null;
    }
  }

  private synchronized Optional<Connection> running() {
    return Optional.ofNullable(current);
  }

  private synchronized Connection connection() {
    if (current != null && current.endpoint().hasEnded()) {
      lose(current);
      current = null;
    }
    if (current == null) {
      Channel channel = starter.get();
      Endpoint endpoint =
          new Endpoint(
              new BufferedInputStream(channel.fromDefendant()),
              new BufferedOutputStream(channel.toDefendant()),
              Defendant.class.getClassLoader(),
              true,
              (method, arguments) -> false);
      endpoint.onEnd(channel.whyEnded());
      channel
          .sharedFolder()
          .ifPresent(folder -> endpoint.onPathSent(path -> SharedFolders.handOver(folder, path)));
      endpoint.serveInBackground("awskit-judge-reader");
      current =
          new Connection(
              channel, endpoint, endpoint.handles().root(Courtroom.class), new AtomicReference<>());
    }
    return current;
  }

  private synchronized void replace(Connection stuck) {
    if (current == stuck) {
      lose(stuck);
      current = null;
    }
  }

  /** Ends a defendant lost to the code of the test class that used it last, and counts it so. */
  private void lose(Connection connection) {
    end(connection);
    String scope = connection.lastScope().get();
    if (scope != null) {
      lost.merge(scope, 1, Integer::sum);
    }
  }

  private int lostBy(String scope) {
    return lost.getOrDefault(scope, 0);
  }

  private static void end(Connection connection) {
    connection.endpoint().close();
    connection.channel().end().run();
  }
}
