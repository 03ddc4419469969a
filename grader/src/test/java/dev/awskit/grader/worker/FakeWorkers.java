package dev.awskit.grader.worker;

import dev.awskit.grader.engine.TestEvent;
import dev.awskit.grader.engine.TestOutcome;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Stands in for {@link WorkerMain} in the grader's own tests: worker JVMs that speak the real
 * protocol but misbehave on cue, so that the grader's side (watchdog, crashes, restarts, giving up)
 * can be proven quickly and without JUnit inside. Each job's classes have two tests each, {@code
 * first} and {@code second}.
 */
final class FakeWorkers {

  private FakeWorkers() {}

  /** Reports its first test as started, then stops answering. */
  static final class Wedges {
    public static void main(String[] args) throws IOException {
      serve(
          (tests, out) -> {
            out.send(new WorkerMessage.Event(new TestEvent.TestStarted(tests.get(0))));
            sleepForever();
            return false;
          });
    }
  }

  /** Passes its first test, then ends before the next one starts. */
  static final class DiesBetweenTests {
    public static void main(String[] args) throws IOException {
      serve(
          (tests, out) -> {
            out.pass(tests.get(0));
            Runtime.getRuntime().halt(0);
            return false;
          });
    }
  }

  /** Ends the JVM with exit code 42 during its first test, the way System.exit would. */
  static final class ExitsDuringTest {
    public static void main(String[] args) throws IOException {
      serve(
          (tests, out) -> {
            out.send(new WorkerMessage.Event(new TestEvent.TestStarted(tests.get(0))));
            Runtime.getRuntime().halt(42);
            return false;
          });
    }
  }

  /** Passes every test, printing on the channel's real stream lines that try to forge a frame. */
  static final class PassesAndLies {
    public static void main(String[] args) throws IOException {
      serve(
          (tests, out) -> {
            for (String test : tests) {
              out.raw.print(
                  "oops {\"message\":\"done\",\"clean\":true,\"reason\":\"\"}\nno line end ");
              out.pass(test);
            }
            out.send(new WorkerMessage.Done(true, ""));
            return true;
          });
    }
  }

  /**
   * Runs each test as four cases (a parameterized test) of 250 ms each: with a time limit of 400
   * ms and a grace of 300 ms, each case takes about a third of the watchdog's allowance, the whole
   * test more than it.
   */
  static final class SlowCases {
    public static void main(String[] args) throws IOException {
      serve(
          (tests, out) -> {
            for (String test : tests) {
              out.send(new WorkerMessage.Event(new TestEvent.TestStarted(test)));
              for (int invocation = 0; invocation < 4; invocation++) {
                out.send(new WorkerMessage.Invoked(test));
                pause(250);
              }
              out.send(
                  new WorkerMessage.Event(
                      new TestEvent.TestFinished(test, new TestOutcome.Passed(), 1000)));
            }
            out.send(new WorkerMessage.Done(true, ""));
            return true;
          });
    }
  }

  /** Passes every test, but reports itself unclean after every job, as after a changed JVM. */
  static final class EndsUnclean {
    public static void main(String[] args) throws IOException {
      serve(
          (tests, out) -> {
            tests.forEach(out::pass);
            out.send(new WorkerMessage.Done(false, "The JVM is not as it was"));
            return false;
          });
    }
  }

  /** Passes the tests of its first job, then ends, silent, as soon as a second arrives. */
  static final class EndsOnSecondJob {
    public static void main(String[] args) throws IOException {
      serve(FakeWorkers::passEveryTest, 2);
    }
  }

  /**
   * Forges a pass in the questions of class {@code Gamma}: reports its first test passed while it
   * runs, then reports the test's real failure, as code inside the worker that learned the nonce
   * would.
   */
  static final class ForgesAPass {
    public static void main(String[] args) throws IOException {
      serve(
          (tests, out) -> {
            for (String test : tests) {
              if (!test.contains("Gamma")) {
                out.pass(test);
                continue;
              }
              out.send(new WorkerMessage.Event(new TestEvent.TestStarted(test)));
              out.send(
                  new WorkerMessage.Event(
                      new TestEvent.TestFinished(test, new TestOutcome.Passed(), 1)));
              out.send(
                  new WorkerMessage.Event(
                      new TestEvent.TestFinished(
                          test, new TestOutcome.Failed("the real failure", ""), 1)));
            }
            out.send(new WorkerMessage.Done(true, ""));
            return true;
          });
    }
  }

  /** Passes every test, then sends one more result after the job's end, as a lingering forger. */
  static final class WritesAfterDone {
    public static void main(String[] args) throws IOException {
      serve(
          (tests, out) -> {
            passEveryTest(tests, out);
            out.pass(tests.get(0));
            return true;
          });
    }
  }

  /** Passes every test, and after the end of question {@code x.q01} sends one more result. */
  static final class WritesAfterDoneInTheFirstQuestion {
    public static void main(String[] args) throws IOException {
      serve(
          (tests, out) -> {
            passEveryTest(tests, out);
            if (tests.get(0).startsWith("x.q01.")) {
              out.pass(tests.get(0));
            }
            return true;
          });
    }
  }

  /** Ends before it says it is ready. */
  static final class NeverReady {
    public static void main(String[] args) {
      Runtime.getRuntime().halt(1);
    }
  }

  /** Passes every test of a question and ends it clean; a {@link Script} that goes on. */
  private static boolean passEveryTest(List<String> tests, Channel out) {
    tests.forEach(out::pass);
    out.send(new WorkerMessage.Done(true, ""));
    return true;
  }

  /**
   * Runs one question's tests, given their ids and the channel, and ends the question; returns
   * whether to go on.
   */
  private interface Script {
    boolean run(List<String> tests, Channel out) throws IOException;
  }

  /** Sends framed messages on the real standard output. */
  private static final class Channel {
    private final Frames frames;
    private final PrintStream raw;

    Channel(Frames frames, PrintStream raw) {
      this.frames = frames;
      this.raw = raw;
    }

    void send(WorkerMessage message) {
      raw.print(frames.frame(message) + "\n");
      raw.flush();
    }

    void pass(String test) {
      send(new WorkerMessage.Event(new TestEvent.TestStarted(test)));
      send(new WorkerMessage.Event(new TestEvent.TestFinished(test, new TestOutcome.Passed(), 1)));
    }
  }

  private static void serve(Script script) throws IOException {
    serve(script, Integer.MAX_VALUE);
  }

  /**
   * Serves jobs with {@code script}, question by question (a job's classes by package), confirming
   * the grader's token after each question, but ends without a word when job number {@code
   * lastJob} comes.
   */
  private static void serve(Script script, int lastJob) throws IOException {
    int jobs = 0;
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    Frames frames = new Frames(in.readLine().strip());
    Channel out = new Channel(frames, System.out);
    out.send(new WorkerMessage.Ready());
    String line;
    while ((line = in.readLine()) != null) {
      if (line.startsWith(HiddenClasses.LINE_PREFIX)) {
        continue;
      }
      WorkerJob job = frames.readJob(line);
      if (job.request().testClasses().isEmpty()) {
        out.send(new WorkerMessage.Done(true, ""));
        continue;
      }
      if (++jobs == lastJob) {
        Runtime.getRuntime().halt(3);
      }
      for (List<String> question : WorkerRunner.byPackage(job.request().testClasses())) {
        List<String> tests = new ArrayList<>();
        for (String testClass : question) {
          for (String method : List.of("first", "second")) {
            String id = testClass + "#" + method;
            if (!job.skipTests().contains(id)) {
              tests.add(id);
            }
          }
        }
        out.send(new WorkerMessage.Planned(tests));
        String token;
        if (!script.run(tests, out) || (token = in.readLine()) == null) {
          Runtime.getRuntime().halt(0);
          return;
        }
        out.send(new WorkerMessage.Synced(token.substring(WorkerProcess.SYNC.length()).strip()));
      }
    }
    Runtime.getRuntime().halt(0);
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleepForever() {
    while (true) {
      try {
        Thread.sleep(Long.MAX_VALUE);
      } catch (InterruptedException ignored) {
        // Keep sleeping: this worker is meant to stop answering.
      }
    }
  }
}
