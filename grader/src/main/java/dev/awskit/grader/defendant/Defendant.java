package dev.awskit.grader.defendant;

import dev.awskit.grader.hidden.Submission;
import dev.awskit.grader.hidden.SubmissionHost;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Holds the judge's side of a defendant JVM: the hidden tests create the submission's objects
 * through it, and get proxies whose calls run in the defendant.
 *
 * <p>Nothing the defendant sends can change a verdict other than by what the submission's code
 * answers: JUnit, the tests, the doubles and the assertions stay in the judge's JVM.
 */
public final class Defendant implements SubmissionHost, AutoCloseable {

  private final Endpoint endpoint;
  private final Courtroom courtroom;

  private Defendant(Endpoint endpoint) {
    this.endpoint = endpoint;
    this.courtroom = endpoint.root(Courtroom.class);
  }

  /**
   * Starts serving a defendant that reads the judge's calls from {@code toDefendant} and answers on
   * {@code fromDefendant}, such as a defendant process's standard input and output.
   */
  public static Defendant over(InputStream fromDefendant, OutputStream toDefendant) {
    Endpoint endpoint =
        new Endpoint(
            new BufferedInputStream(fromDefendant),
            new BufferedOutputStream(toDefendant),
            Defendant.class.getClassLoader(),
            true,
            (method, arguments) -> false);
    endpoint.serveInBackground("awskit-judge-reader");
    return new Defendant(endpoint);
  }

  @Override
  public Submission open(String scope, List<Path> roots) {
    List<String> paths = roots.stream().map(Path::toString).toList();
    return new Submission() {
      @Override
      public <T> T create(Class<T> contract, Object... constructorArguments) {
        return contract.cast(
            courtroom.create(scope, paths, contract.getName(), Arrays.asList(constructorArguments)));
      }
    };
  }

  @Override
  public void release(String scope) {
    courtroom.release(scope);
  }

  /** Ends every call still waiting on the defendant; the caller ends its process. */
  @Override
  public void close() {
    endpoint.close();
  }
}
