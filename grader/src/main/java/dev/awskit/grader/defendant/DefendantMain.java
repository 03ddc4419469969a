package dev.awskit.grader.defendant;

import dev.awskit.grader.hidden.SubmissionClasses;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs a submission's code for the judge: the main class of the defendant JVM.
 *
 * <p>It holds no test, no double and no JUnit: it builds the submission's objects when the judge
 * asks ({@link Courtroom}) and runs the calls the judge's tests make on them, calling back for
 * every request the code sends to an AWS client. Its standard input and output carry the calls;
 * what the submission prints is kept for the judge to take test by test, and standard error is
 * left to the JVM's own last words (such as running out of memory).
 * Everything here may be changed by the submission, which is why nothing here is trusted: the
 * judge decides every verdict from what crosses.
 */
public final class DefendantMain implements Courtroom {

  /** How long threads of the submission's code get to end once a test class's tests ended. */
  private static final Duration THREAD_GRACE = Duration.ofMillis(250);

  /** How much of a test's output is kept when the grader does not say. */
  private static final int DEFAULT_KEPT_BYTES = 64 * 1024;

  private final Map<String, SubmissionClasses> scopes = new ConcurrentHashMap<>();
  private final PrintedOutput printed;

  private DefendantMain(PrintedOutput printed) {
    this.printed = printed;
  }

  /**
   * Serves the judge on standard input and output until it closes them.
   *
   * @param arguments how many bytes of each test's output to keep, if given
   */
  public static void main(String[] arguments) throws IOException {
    FileInputStream fromJudge = new FileInputStream(FileDescriptor.in);
    FileOutputStream toJudge = new FileOutputStream(FileDescriptor.out);
    PrintedOutput printed =
        new PrintedOutput(
            arguments.length > 0 ? Integer.parseInt(arguments[0]) : DEFAULT_KEPT_BYTES);
    PrintStream printing = new PrintStream(printed, true, StandardCharsets.UTF_8);
    System.setOut(printing);
    System.setErr(printing);
    System.setIn(new ByteArrayInputStream(new byte[0]));
    DefendantMain courtroom = new DefendantMain(printed);
    try (Endpoint endpoint =
        new Endpoint(
            new BufferedInputStream(fromJudge),
            new BufferedOutputStream(toJudge),
            DefendantMain.class.getClassLoader(),
            false,
            LocalDefaults::runsInDefendant)) {
      endpoint.handles().exportRoot(courtroom, Courtroom.class);
      endpoint.onPrintedAsked(printed::take);
      endpoint.serve();
    } finally {
      courtroom.scopes.values().forEach(DefendantMain::closeQuietly);
    }
  }

  @Override
  public Object create(String scope, List<String> roots, String contract, List<Object> arguments) {
    Class<?> type = TypeAllowance.loadInterface(contract, DefendantMain.class.getClassLoader());
    SubmissionClasses classes =
        scopes.computeIfAbsent(
            scope, key -> SubmissionClasses.open(roots.stream().map(Path::of).toList()));
    return classes.create(type, arguments.toArray());
  }

  @Override
  public boolean ready(List<String> types) {
    ClassLoader loader = DefendantMain.class.getClassLoader();
    for (String name : types) {
      try {
        Class<?> type = TypeAllowance.loadInterface(name, loader);
        // A proxy class of a client's two hundred methods is made once, here, not in a test.
        Proxy.newProxyInstance(loader, new Class<?>[] {type}, (proxy, method, arguments) -> null);
      } catch (RuntimeException | LinkageError unusable) {
        // Not a type a handle can be: the first test that needs it pays instead.
      }
    }
    return true;
  }

  @Override
  public void release(String scope) {
    SubmissionClasses classes = scopes.remove(scope);
    if (classes != null) {
      closeQuietly(classes);
    }
  }

  @Override
  public List<String> threadsLeft() {
    return LeftThreads.inSubmissionCode(THREAD_GRACE);
  }

  private static void closeQuietly(SubmissionClasses classes) {
    try {
      classes.close();
    } catch (IOException ignored) {
      // The JVM ends with its classes anyway.
    }
  }
}
