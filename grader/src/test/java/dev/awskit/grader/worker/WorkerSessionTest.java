package dev.awskit.grader.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awskit.grader.engine.RunRequest;
import dev.awskit.grader.engine.TestEvent;
import dev.awskit.grader.engine.TestOutcome;
import dev.awskit.grader.hidden.TimeLimitExtension;
import dev.awskit.grader.worker.later.LaterQuestion;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Runs jobs through a worker's session in this JVM and reads what it sends the grader. */
class WorkerSessionTest {

  private final Frames frames = new Frames("nonce-of-the-test");
  private final ByteArrayOutputStream sent = new ByteArrayOutputStream();
  /** Counts the tokens the grader's stand-in sent, one for each question's end. */
  private final AtomicInteger tokens = new AtomicInteger();
  private final WorkerSession session =
      sessionReading(() -> WorkerProcess.SYNC + "token-" + tokens.incrementAndGet());

  @Test
  void rehearsalRunsEveryTestOnceAndReportsOnlyThatItEndedClean() throws Exception {
    // given
    Rehearsed.RUNS.set(0);
    RunRequest everyTest =
        new RunRequest(List.of(), List.of(Rehearsed.class.getName()), 5_000, Map.of(), List.of());

    // when
    boolean clean = session.run(frames.job(new WorkerJob(everyTest, List.of(), true)));

    // then
    assertThat(clean).isTrue();
    assertThat(Rehearsed.RUNS).hasValue(2);
    assertThat(messages()).containsExactly(new WorkerMessage.Done(true, ""));
  }

  @Test
  void rehearsalOfAWorkerForOneSubmissionRunsNoTest() throws Exception {
    // given a rehearsal for a worker that will grade one submission and end
    Rehearsed.RUNS.set(0);
    RunRequest oneSubmission =
        new RunRequest(
            List.of(), List.of(Rehearsed.class.getName()), 5_000, Map.of(), List.of(), true);

    // when
    boolean clean = session.run(frames.job(new WorkerJob(oneSubmission, List.of(), true)));

    // then
    assertThat(clean).isTrue();
    assertThat(Rehearsed.RUNS).hasValue(0);
    assertThat(messages()).containsExactly(new WorkerMessage.Done(true, ""));
  }

  @Test
  void jobAfterTheRehearsalReportsItsTests() throws Exception {
    // given
    RunRequest everyTest =
        new RunRequest(List.of(), List.of(Rehearsed.class.getName()), 5_000, Map.of(), List.of());
    session.run(frames.job(new WorkerJob(everyTest, List.of(), true)));
    sent.reset();

    // when
    boolean clean = session.run(frames.job(new WorkerJob(everyTest, List.of())));

    // then
    assertThat(clean).isTrue();
    assertThat(messages())
        .filteredOn(WorkerMessage.Invoked.class::isInstance)
        .hasSize(2);
    assertThat(messages())
        .endsWith(new WorkerMessage.Done(true, ""), new WorkerMessage.Synced("token-1"));
  }

  @Test
  void aJobRunsItsQuestionsInOneLaunchAndEndsEachWithTheGradersToken() throws Exception {
    // given a rehearsed worker, and a job of two questions: two packages
    rehearse();
    LaterQuestion.RUNS.set(0);
    RunRequest twoQuestions =
        new RunRequest(
            List.of(),
            List.of(LaterQuestion.class.getName(), NotesItsThread.class.getName()),
            5_000,
            Map.of(),
            List.of());

    // when
    boolean clean = session.run(frames.job(new WorkerJob(twoQuestions, List.of())));

    // then the questions come in the job's order, the second after the first one's token
    assertThat(clean).isTrue();
    assertThat(LaterQuestion.RUNS).hasValue(1);
    List<WorkerMessage> messages = messages();
    assertThat(messages)
        .filteredOn(message -> !(message instanceof WorkerMessage.Event))
        .containsExactly(
            new WorkerMessage.Planned(List.of(LaterQuestion.class.getName() + "#counts")),
            new WorkerMessage.Invoked(LaterQuestion.class.getName() + "#counts"),
            new WorkerMessage.Done(true, ""),
            new WorkerMessage.Synced("token-1"),
            new WorkerMessage.Planned(List.of(NotesItsThread.class.getName() + "#notesItsThread")),
            new WorkerMessage.Invoked(NotesItsThread.class.getName() + "#notesItsThread"),
            new WorkerMessage.Done(true, ""),
            new WorkerMessage.Synced("token-2"));
  }

  @Test
  void aQuestionThatChangesTheJvmEndsTheJobBeforeTheNextQuestion() throws Exception {
    // given a rehearsed worker, and a job whose first question changes a system property
    rehearse();
    LaterQuestion.RUNS.set(0);
    RunRequest changesFirst =
        new RunRequest(
            List.of(),
            List.of(ChangesTheJvm.class.getName(), LaterQuestion.class.getName()),
            5_000,
            Map.of(),
            List.of());

    // when
    boolean clean;
    try {
      clean = session.run(frames.job(new WorkerJob(changesFirst, List.of())));
    } finally {
      System.clearProperty(ChangesTheJvm.PROPERTY);
    }

    // then
    assertThat(clean).isFalse();
    assertThat(LaterQuestion.RUNS).as("runs of the later question's test").hasValue(0);
    assertThat(messages()).filteredOn(WorkerMessage.Planned.class::isInstance).hasSize(1);
    assertThat(messages())
        .last()
        .isInstanceOfSatisfying(
            WorkerMessage.Done.class,
            done -> {
              assertThat(done.clean()).isFalse();
              assertThat(done.reason())
                  .isEqualTo(
                      "The JVM is not as it was: the system property "
                          + ChangesTheJvm.PROPERTY
                          + " changed");
            });
  }

  @Test
  void aWorkerWhoseInputEndsAtAQuestionsEndSaysNothingMore() throws Exception {
    // given a worker whose grader is gone: its input has ended
    WorkerSession orphan = sessionReading(() -> null);
    RunRequest rehearsed =
        new RunRequest(List.of(), List.of(Rehearsed.class.getName()), 5_000, Map.of(), List.of());
    orphan.run(frames.job(new WorkerJob(rehearsed, List.of(), true)));
    sent.reset();
    LaterQuestion.RUNS.set(0);
    RunRequest twoQuestions =
        new RunRequest(
            List.of(),
            List.of(Rehearsed.class.getName(), LaterQuestion.class.getName()),
            5_000,
            Map.of(),
            List.of());

    // when
    boolean clean = orphan.run(frames.job(new WorkerJob(twoQuestions, List.of())));

    // then
    assertThat(clean).isFalse();
    assertThat(LaterQuestion.RUNS).hasValue(0);
    assertThat(messages()).last().isEqualTo(new WorkerMessage.Done(true, ""));
  }

  private void rehearse() throws Exception {
    RunRequest rehearsed =
        new RunRequest(List.of(), List.of(Rehearsed.class.getName()), 5_000, Map.of(), List.of());
    session.run(frames.job(new WorkerJob(rehearsed, List.of(), true)));
    sent.reset();
  }

  private WorkerSession sessionReading(WorkerSession.Input input) {
    return new WorkerSession(
        frames,
        new PrintStream(sent, true, StandardCharsets.UTF_8),
        new CapturedOutput(1024),
        WorkerSessionTest.class.getClassLoader(),
        input);
  }

  @Test
  void rehearsalWhoseTestRunsPastItsTimeLimitEndsTheWorker() throws Exception {
    // given: a time limit of 100 ms, which the test outlives on its own thread
    RunRequest threadLeft =
        new RunRequest(List.of(), List.of(LeavesAThread.class.getName()), 100, Map.of(), List.of());

    // when
    boolean clean;
    try {
      clean = session.run(frames.job(new WorkerJob(threadLeft, List.of(), true)));
    } finally {
      LeavesAThread.RELEASE.countDown();
    }

    // then
    assertThat(clean).isFalse();
    assertThat(messages())
        .singleElement()
        .isInstanceOfSatisfying(
            WorkerMessage.Done.class,
            done -> {
              assertThat(done.clean()).isFalse();
              assertThat(done.reason()).startsWith("The rehearsal left threads running");
            });
  }

  @Test
  void aJobWhoseTestCarriesOnPastItsTimeLimitReportsItTimedOutAndTheWorkerUnclean()
      throws Exception {
    // given a rehearsed worker, and a test that carries on through the interrupt at its limit
    rehearse();
    RunRequest carriesOn =
        new RunRequest(List.of(), List.of(CarriesOn.class.getName()), 100, Map.of(), List.of());

    // when
    boolean clean;
    try {
      clean = session.run(frames.job(new WorkerJob(carriesOn, List.of())));
    } finally {
      CarriesOn.RELEASE.countDown();
    }

    // then
    assertThat(clean).isFalse();
    assertThat(messages())
        .filteredOn(WorkerMessage.Event.class::isInstance)
        .map(message -> ((WorkerMessage.Event) message).event())
        .filteredOn(TestEvent.TestFinished.class::isInstance)
        .singleElement()
        .satisfies(
            finished ->
                assertThat(((TestEvent.TestFinished) finished).outcome())
                    .isInstanceOf(TestOutcome.TimedOut.class));
    assertThat(messages())
        .last()
        .isInstanceOfSatisfying(
            WorkerMessage.Done.class,
            done -> {
              assertThat(done.clean()).isFalse();
              assertThat(done.reason())
                  .startsWith("The test ")
                  .endsWith("ran past its time limit and did not stop: its thread was given up");
            });
  }

  @Test
  void runsTheLaunchesOfASubmissionOnOneThreadAndTheNextSubmissionsOnAnother() throws Exception {
    // given a rehearsed worker, and jobs of alice's and then bob's
    rehearse();
    WorkerJob alice = new WorkerJob(threadNoted("alice"), List.of());
    WorkerJob bob = new WorkerJob(threadNoted("bob"), List.of());
    NotesItsThread.THREADS.clear();

    // when
    session.run(frames.job(alice));
    session.run(frames.job(alice));
    session.run(frames.job(bob));

    // then
    List<Thread> threads = NotesItsThread.THREADS;
    assertThat(threads).hasSize(3);
    assertThat(threads.get(1)).isSameAs(threads.get(0)).isNotSameAs(Thread.currentThread());
    assertThat(threads.get(2)).isNotSameAs(threads.get(0));
    threads.get(0).join(5_000);
    assertThat(threads.get(0).isAlive()).as("alice's thread, once bob's job began").isFalse();
  }

  private static RunRequest threadNoted(String scope) {
    return new RunRequest(
        List.of(),
        List.of(NotesItsThread.class.getName()),
        5_000,
        Map.of(TimeLimitExtension.THREAD_SCOPE_PARAMETER, scope),
        List.of());
  }

  private List<WorkerMessage> messages() {
    return sent.toString(StandardCharsets.UTF_8).lines()
        .map(frames::read)
        .flatMap(Optional::stream)
        .toList();
  }

  /** Stands in for a hidden test class: counts how often its tests run. */
  @ExtendWith(TimeLimitExtension.class)
  static final class Rehearsed {

    static final AtomicInteger RUNS = new AtomicInteger();

    @org.junit.jupiter.api.Test
    void first() {
      RUNS.incrementAndGet();
    }

    @org.junit.jupiter.api.Test
    void second() {
      RUNS.incrementAndGet();
    }
  }

  /** Stands in for a hidden test class whose test cannot be stopped at its time limit. */
  @ExtendWith(TimeLimitExtension.class)
  static final class LeavesAThread {

    static final CountDownLatch RELEASE = new CountDownLatch(1);

    @org.junit.jupiter.api.Test
    void waitsPastItsTimeLimit() {
      while (RELEASE.getCount() > 0) {
        try {
          RELEASE.await();
        } catch (InterruptedException ignored) {
          // What a test stuck in code that ignores interrupts does.
        }
      }
    }
  }

  /** Stands in for a hidden test class whose test carries on through the interrupt at its limit. */
  @ExtendWith(TimeLimitExtension.class)
  static final class CarriesOn {

    static final CountDownLatch RELEASE = new CountDownLatch(1);

    @org.junit.jupiter.api.Test
    void carriesOnPastItsTimeLimit() {
      while (RELEASE.getCount() > 0) {
        try {
          RELEASE.await();
        } catch (InterruptedException ignored) {
          // What code that ignores interrupts does.
        }
      }
    }
  }

  /** Stands in for a hidden test class whose test changes a system property. */
  @ExtendWith(TimeLimitExtension.class)
  static final class ChangesTheJvm {

    static final String PROPERTY = "awskit.test.changed-by-a-question";

    @org.junit.jupiter.api.Test
    void setsAProperty() {
      System.setProperty(PROPERTY, "yes");
    }
  }

  /** Stands in for a hidden test class: notes the thread its test runs on. */
  @ExtendWith(TimeLimitExtension.class)
  static final class NotesItsThread {

    static final List<Thread> THREADS = new java.util.concurrent.CopyOnWriteArrayList<>();

    @org.junit.jupiter.api.Test
    void notesItsThread() {
      THREADS.add(Thread.currentThread());
    }
  }
}
