package dev.awskit.grader.worker;

import dev.awskit.grader.engine.HiddenTestLauncher;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.platform.engine.CancellationToken;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Follows a worker's launch question by question for {@link WorkerSession}: lists each question's
 * tests before its first starts, tells when each run of a test (each case of a parameterized one)
 * begins, and ends each question once its last test class is done, with the JVM's checks and the
 * grader's token. Questions are the job's test classes by package; the launch runs them in that
 * order.
 */
final class JobQuestions implements TestExecutionListener {

  private final List<List<String>> classes;
  private final List<String> unclean;
  private final CancellationToken cancellation;
  private final Object reporting;
  private final Consumer<WorkerMessage> send;
  private final Supplier<Optional<String>> unfit;
  private final WorkerSession.Input input;
  private final Map<String, Integer> questionOfPackage = new LinkedHashMap<>();
  private final List<List<String>> planned = new ArrayList<>();
  private final int[] classesLeft;
  /** How many questions were listed to the grader, and how many ended. */
  private int begun;
  private int ended;
  private int confirmed;
  /** Whether the grader's input ended or broke the protocol, so nothing more is sent. */
  private boolean silenced;

  /**
   * Creates the follower of one job.
   *
   * @param classes the job's test classes, question by question, in the launch's order
   * @param unclean why the worker is unclean, shared with the session; the job stops when not
   *     empty
   * @param cancellation stops the launch
   * @param reporting the session's lock on what is sent
   * @param send sends a message on the grader's channel
   * @param unfit says why the JVM is no longer fit for more questions; empty when it is
   * @param input the worker's input, where the grader's tokens come
   */
  JobQuestions(
      List<List<String>> classes,
      List<String> unclean,
      CancellationToken cancellation,
      Object reporting,
      Consumer<WorkerMessage> send,
      Supplier<Optional<String>> unfit,
      WorkerSession.Input input) {
    this.classes = classes;
    this.unclean = unclean;
    this.cancellation = cancellation;
    this.reporting = reporting;
    this.send = send;
    this.unfit = unfit;
    this.input = input;
    this.classesLeft = new int[classes.size()];
    for (int question = 0; question < classes.size(); question++) {
      questionOfPackage.put(packageOf(classes.get(question).get(0)), question);
      planned.add(new ArrayList<>());
    }
  }

  @Override
  public void testPlanExecutionStarted(TestPlan plan) {
    for (TestIdentifier root : plan.getRoots()) {
      for (TestIdentifier node : plan.getDescendants(root)) {
        Integer question = questionOf(node);
        if (question == null) {
          continue;
        }
        if (isQuestionClass(node, question)) {
          classesLeft[question]++;
        }
        List<String> ids = planned.get(question);
        HiddenTestLauncher.testIdOf(node).filter(id -> !ids.contains(id)).ifPresent(ids::add);
      }
    }
  }

  @Override
  public void executionStarted(TestIdentifier node) {
    Integer question = questionOf(node);
    if (question != null && !node.isTest()) {
      while (begun <= question) {
        if (begun > ended) {
          end();
        }
        begin();
      }
    }
    synchronized (reporting) {
      if (node.isTest() && live()) {
        HiddenTestLauncher.testIdOf(node)
            .ifPresent(id -> send.accept(new WorkerMessage.Invoked(id)));
      }
    }
  }

  @Override
  public void executionFinished(TestIdentifier node, TestExecutionResult result) {
    Integer question = questionOf(node);
    if (question != null
        && question == begun - 1
        && ended < begun
        && isQuestionClass(node, question)
        && --classesLeft[question] == 0) {
      end();
    }
  }

  /** Ends every question of the job not yet ended, listing those never begun first. */
  void endAll() {
    while (ended < classes.size() && live()) {
      if (begun == ended) {
        begin();
      }
      end();
    }
  }

  /** Tells whether every question of the job ended clean and the grader confirmed it. */
  boolean allConfirmed() {
    return confirmed == classes.size();
  }

  private void begin() {
    synchronized (reporting) {
      if (live()) {
        send.accept(new WorkerMessage.Planned(List.copyOf(planned.get(begun))));
      }
      begun++;
    }
  }

  /**
   * Ends the question begun last: reports it done if the JVM is still fit, then waits for the
   * grader's token and confirms it; otherwise stops the launch, whose end reports the worker
   * unclean.
   */
  private void end() {
    synchronized (reporting) {
      ended++;
      if (!live()) {
        return;
      }
      Optional<String> unfitness = unfit.get();
      if (unfitness.isPresent()) {
        unclean.add(unfitness.get());
        cancellation.cancel();
        return;
      }
      send.accept(new WorkerMessage.Done(true, ""));
    }
    String line = readInput();
    synchronized (reporting) {
      if (line == null || !line.startsWith(WorkerProcess.SYNC)) {
        // The grader is gone or broke the protocol: the worker ends after this launch.
        silenced = true;
        cancellation.cancel();
        return;
      }
      send.accept(new WorkerMessage.Synced(line.substring(WorkerProcess.SYNC.length()).strip()));
      confirmed++;
    }
  }

  /** Tells whether the job goes on: nothing stopped it and the grader is still there. */
  boolean live() {
    return unclean.isEmpty() && !silenced;
  }

  private String readInput() {
    try {
      return input.nextLine();
    } catch (IOException unreadable) {
      return null;
    }
  }

  private Integer questionOf(TestIdentifier node) {
    TestSource source = node.getSource().orElse(null);
    String name =
        source instanceof ClassSource type
            ? type.getClassName()
            : source instanceof MethodSource method ? method.getClassName() : null;
    return name == null ? null : questionOfPackage.get(packageOf(name));
  }

  /** Tells whether the node is one of the question's test classes, not a class nested in one. */
  private boolean isQuestionClass(TestIdentifier node, int question) {
    return node.getSource().orElse(null) instanceof ClassSource type
        && classes.get(question).contains(type.getClassName());
  }

  private static String packageOf(String className) {
    int dot = className.lastIndexOf('.');
    return dot < 0 ? "" : className.substring(0, dot);
  }
}
