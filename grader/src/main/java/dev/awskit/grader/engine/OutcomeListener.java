package dev.awskit.grader.engine;

import dev.awskit.grader.hidden.QuestionGivenUp;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Turns JUnit Platform execution events into {@link TestEvent}s, one test method at a time.
 *
 * <p>A test method is the unit of scoring: the invocations of a parameterized test or the tests
 * of a factory count as one, which passes only if all of them pass. A class-level failure (a
 * failing {@code @BeforeAll}, say) ends every test of that class that has not ended yet.
 */
final class OutcomeListener implements TestExecutionListener {

  private final Consumer<TestEvent> events;
  private final Feedback feedback;
  private final LongSupplier nanoTime;
  private final Map<String, Long> startedAt = new HashMap<>();
  private final Map<String, TestOutcome> firstFailure = new HashMap<>();
  private final Set<String> finished = new HashSet<>();
  private TestPlan plan;

  OutcomeListener(Consumer<TestEvent> events, Feedback feedback, LongSupplier nanoTime) {
    this.events = events;
    this.feedback = feedback;
    this.nanoTime = nanoTime;
  }

  @Override
  public void testPlanExecutionStarted(TestPlan testPlan) {
    this.plan = testPlan;
  }

  @Override
  public void executionStarted(TestIdentifier node) {
    testIdOf(node)
        .ifPresent(
            id -> {
              if (startedAt.putIfAbsent(id, nanoTime.getAsLong()) == null) {
                events.accept(new TestEvent.TestStarted(id));
              }
            });
  }

  @Override
  public void executionSkipped(TestIdentifier node, String reason) {
    TestOutcome skipped = feedback.notRun("This test was skipped (" + reason + ")", null);
    Optional<String> id = testIdOf(node);
    if (id.isPresent() && isOutermost(node, id.get())) {
      finish(id.get(), skipped);
    } else if (id.isEmpty()) {
      endUnfinishedTestsBelow(node, skipped);
    }
  }

  @Override
  public void executionFinished(TestIdentifier node, TestExecutionResult result) {
    Optional<String> id = testIdOf(node);
    if (id.isPresent()) {
      TestOutcome outcome = outcomeOf(result);
      if (!outcome.passed()) {
        firstFailure.putIfAbsent(id.get(), outcome);
      }
      if (isOutermost(node, id.get())) {
        finish(id.get(), firstFailure.getOrDefault(id.get(), outcome));
      }
    } else if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
      endUnfinishedTestsBelow(
          node,
          feedback.notRun(
              "The tests of " + node.getDisplayName() + " could not run",
              result.getThrowable().orElse(null)));
    }
  }

  private TestOutcome outcomeOf(TestExecutionResult result) {
    return switch (result.getStatus()) {
      case SUCCESSFUL -> new TestOutcome.Passed();
      case ABORTED ->
          result.getThrowable().orElse(null) instanceof QuestionGivenUp givenUp
              ? new TestOutcome.NotRun(givenUp.getMessage(), "")
              : feedback.notRun("This test was aborted", result.getThrowable().orElse(null));
      case FAILED ->
          result
              .getThrowable()
              .map(feedback::of)
              .orElseGet(() -> feedback.notRun("This test failed without a reason", null));
    };
  }

  private void endUnfinishedTestsBelow(TestIdentifier container, TestOutcome outcome) {
    if (plan == null) {
      return;
    }
    for (TestIdentifier descendant : plan.getDescendants(container)) {
      testIdOf(descendant)
          .filter(id -> isOutermost(descendant, id))
          .ifPresent(id -> finish(id, outcome));
    }
  }

  private void finish(String id, TestOutcome outcome) {
    if (!finished.add(id)) {
      return;
    }
    Long start = startedAt.get(id);
    long millis = start == null ? 0 : Math.max(0, (nanoTime.getAsLong() - start) / 1_000_000);
    events.accept(new TestEvent.TestFinished(id, outcome, millis));
  }

  private boolean isOutermost(TestIdentifier node, String id) {
    if (plan == null) {
      return true;
    }
    Optional<String> parentId = plan.getParent(node).flatMap(OutcomeListener::testIdOf);
    return parentId.map(parent -> !parent.equals(id)).orElse(true);
  }

  private static Optional<String> testIdOf(TestIdentifier node) {
    return Catalog.methodSource(node.getSource())
        .map((MethodSource source) -> HiddenTest.idOf(source.getClassName(), source.getMethodName()));
  }
}
