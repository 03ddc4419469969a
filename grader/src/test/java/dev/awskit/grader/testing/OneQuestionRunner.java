package dev.awskit.grader.testing;

import dev.awskit.grader.engine.Catalog;
import dev.awskit.grader.engine.Isolation;
import dev.awskit.grader.engine.Question;
import dev.awskit.grader.engine.RunRequest;
import dev.awskit.grader.engine.SubmissionRunner;
import dev.awskit.grader.engine.TestEvent;
import dev.awskit.grader.hidden.Implementations;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs the hidden tests of one question only (in this JVM unless told otherwise), whatever else the grader asks for, so
 * that a grader with this runner compiles, vets and attributes a submission as for every question
 * but tests one; the others' tests are reported as not run. Before each run it notes which classes
 * of the submission the hidden tests would take as the implementation of each contract of the
 * catalog, for the caller to check that the submission offers none to another question.
 *
 * <p>Not safe for use by several threads at once, like the grader it serves.
 */
public final class OneQuestionRunner implements SubmissionRunner {

  private final SubmissionRunner runner;
  private final Catalog catalog;
  private final int question;
  private Map<String, List<String>> implementations = Map.of();

  /** Creates a runner of the hidden tests of {@code question} of {@code catalog}. */
  public OneQuestionRunner(Catalog catalog, int question) {
    this(catalog, question, SubmissionRunner.inProcess());
  }

  /**
   * Creates a runner of the hidden tests of {@code question} of {@code catalog} that runs them
   * with {@code runner}.
   */
  public OneQuestionRunner(Catalog catalog, int question, SubmissionRunner runner) {
    this.catalog = catalog;
    this.question = question;
    this.runner = runner;
  }

  @Override
  public void run(RunRequest request, Consumer<TestEvent> events) {
    implementations =
        Implementations.in(
            request.classRoots().stream().map(Path::of).toList(),
            catalog.questions().stream().map(Question::contract).toList());
    List<String> own = catalog.testClasses(question);
    runner.run(
        new RunRequest(
            request.classRoots(),
            request.testClasses().stream().filter(own::contains).toList(),
            request.timeLimitMillis(),
            request.parameters(),
            catalog.question(question).orElseThrow().constructorTypes(),
            request.freshWorker()),
        events);
  }

  /** Returns the isolation of the runner that runs the tests, as the grader reports it. */
  @Override
  public Isolation isolation() {
    return runner.isolation();
  }

  /**
   * Returns, by contract, the classes of the last submission run that the hidden tests would take
   * as its implementation (see {@link Implementations#in}).
   */
  public Map<String, List<String>> implementations() {
    return implementations;
  }
}
