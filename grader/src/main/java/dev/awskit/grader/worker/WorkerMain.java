package dev.awskit.grader.worker;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Starts a worker JVM: the separate process in which a submission's code runs, so that nothing it
 * does (ending the JVM, filling the memory, hanging, printing without end) can reach the grader.
 *
 * <p>Before anything else, and so before any submission class can load, it replaces {@code
 * System.out} and {@code System.err} with a {@link CapturedOutput} and {@code System.in} with an
 * empty stream, keeping the real streams for itself. Then it reads the nonce from the first line of
 * its standard input, and, for a confined worker, the hidden tests' classes from the next (see
 * {@link HiddenClasses}); sends {@link WorkerMessage.Ready}, and runs one {@link WorkerJob} per
 * further line (confirming, within a job, the token the grader sends after each question), sending
 * framed messages on its real standard output. It ends when its standard input ends, or after a
 * job that left it unclean. Started by {@link WorkerRunner}; not meant to be started by
 * hand.
 */
public final class WorkerMain {

  private WorkerMain() {}

  /**
   * Runs the worker.
   *
   * @param args one argument: how many bytes of a test's printed output to keep
   */
  public static void main(String[] args) throws IOException {
    PrintStream channel = System.out;
    InputStream jobs = System.in;
    CapturedOutput captured = new CapturedOutput(Integer.parseInt(args[0]));
    PrintStream printed = new PrintStream(captured, true, StandardCharsets.UTF_8);
    System.setOut(printed);
    System.setErr(printed);
    System.setIn(new ByteArrayInputStream(new byte[0]));

    BufferedReader in = new BufferedReader(new InputStreamReader(jobs, StandardCharsets.UTF_8));
    String nonce = in.readLine();
    if (nonce == null) {
      return;
    }
    // A confined worker's class path holds no hidden test: the grader sends their classes first.
    String line = in.readLine();
    ClassLoader testClasses = WorkerMain.class.getClassLoader();
    if (line != null && line.startsWith(HiddenClasses.LINE_PREFIX)) {
      testClasses = HiddenClassLoader.defining(HiddenClasses.parse(line), testClasses);
      line = in.readLine();
    }
    WorkerSession session =
        new WorkerSession(new Frames(nonce.strip()), channel, captured, testClasses, in::readLine);
    session.ready();
    for (; line != null; line = in.readLine()) {
      if (!line.isBlank() && !session.run(line)) {
        break;
      }
    }
    channel.flush();
    // Threads the submission left behind must not keep this JVM alive; the grader is done with it.
    Runtime.getRuntime().halt(0);
  }
}
