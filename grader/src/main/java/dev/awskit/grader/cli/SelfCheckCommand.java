package dev.awskit.grader.cli;

import dev.awskit.grader.engine.Catalog;
import dev.awskit.grader.engine.Grader;
import dev.awskit.grader.engine.SubmissionSource;
import dev.awskit.grader.engine.SubmissionUnusableException;
import dev.awskit.grader.scoring.GradingScheme;
import dev.awskit.grader.scoring.PolicyException;
import dev.awskit.grader.scoring.QuestionScore;
import dev.awskit.grader.scoring.QuestionStatus;
import dev.awskit.grader.scoring.Scorecard;
import dev.awskit.grader.scoring.Scorer;
import dev.awskit.grader.scoring.TestScore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Checks the grader against the kit: the reference scores full marks, the stubs zero. */
@EndsWith({ExitCodes.SELF_CHECK_FAILED, ExitCodes.ISOLATION_UNAVAILABLE})
@Command(
    name = "self-check",
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Checks that the grader and the kit agree: the reference solution must pass every hidden"
          + " test (full marks) and the untouched stubs must score zero, each question saying it"
          + " is not implemented yet. Exits with code 5 otherwise. Writes no report files.",
      "A grader without the reference solution (the Gradescope bundle) checks the stubs only and"
          + " says so; run self-check in the kit's build to check the reference."
    },
    footerHeading = "%nExample:%n",
    footer = {"  java -jar grader/target/awskit-grader.jar self-check"})
final class SelfCheckCommand implements Callable<Integer> {

  private static final String NO_REFERENCE =
      "skip reference solution: this grader carries none (a Gradescope bundle leaves it out);"
          + " check it in the kit's build with: java -jar grader/target/awskit-grader.jar self-check";

  @Option(
      names = "--policy",
      paramLabel = "FILE",
      description = "Grading policy to check with (default: the built-in policy).")
  private Path policy;

  @Mixin private IsolationOptions isolation;

  private final Context context;

  SelfCheckCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() throws IOException {
    if (isolation.settle(context).isEmpty()) {
      return ExitCodes.ISOLATION_UNAVAILABLE;
    }
    Catalog catalog = context.catalog().get();
    GradingScheme scheme;
    try {
      scheme = Policies.load(context, policy, catalog);
    } catch (PolicyException broken) {
      return Policies.broken(context, broken);
    }
    PrintWriter out = context.out();
    Optional<Scorecard> reference;
    Scorecard stubs;
    try (Grader grader = new Grader(catalog, context.runner(), context.clock(), context.scratch())) {
      reference = gradeReference(grader, scheme);
      stubs = Scorer.score(scheme, grader.grade(new SubmissionSource.Stubs(), scheme.runSettings()));
    } catch (SubmissionUnusableException missing) {
      context.err().println("Self-check failed: " + missing.getMessage());
      context.err().flush();
      return ExitCodes.SELF_CHECK_FAILED;
    }
    if (reference.isEmpty()) {
      out.println(NO_REFERENCE);
    }
    boolean referenceOk = reference.map(scorecard -> checkReference(scorecard, out)).orElse(true);
    boolean stubsOk = checkStubs(stubs, out);
    boolean ok = referenceOk && stubsOk && !catalog.questions().isEmpty();
    if (!ok) {
      out.println("Self-check FAILED.");
    } else if (reference.isEmpty()) {
      out.println("Self-check passed for the stubs; the reference solution was not checked.");
    } else {
      out.println("Self-check passed.");
    }
    out.flush();
    return ok ? ExitCodes.OK : ExitCodes.SELF_CHECK_FAILED;
  }

  /**
   * Grades the reference solution, or returns empty when this grader carries none: a Gradescope
   * bundle (and the GitHub workflow's copy of it) leaves the solution out.
   */
  private static Optional<Scorecard> gradeReference(Grader grader, GradingScheme scheme)
      throws IOException {
    try {
      return Optional.of(
          Scorer.score(scheme, grader.grade(new SubmissionSource.Reference(), scheme.runSettings())));
    } catch (SubmissionUnusableException noReference) {
      return Optional.empty();
    }
  }

  private static boolean checkReference(Scorecard reference, PrintWriter out) {
    List<TestScore> failed =
        reference.questions().stream()
            .flatMap(question -> question.tests().stream())
            .filter(test -> !test.passed())
            .toList();
    long tests = reference.questions().stream().mapToLong(question -> question.tests().size()).sum();
    boolean ok = failed.isEmpty() && reference.score() == reference.maxScore();
    out.printf(
        "%-4s reference solution: %s / %s, %d of %d hidden tests passed%n",
        ok ? "ok" : "FAIL",
        Numbers.points(reference.score()),
        Numbers.points(reference.maxScore()),
        tests - failed.size(),
        tests);
    Map<String, List<TestScore>> byFeedback =
        failed.stream()
            .collect(
                Collectors.groupingBy(
                    test -> test.outcome().feedback().strip(), LinkedHashMap::new, Collectors.toList()));
    byFeedback.forEach(
        (feedback, group) -> {
          if (group.size() == 1) {
            out.printf("       %s (%s): %s%n", group.get(0).name(), group.get(0).id(), feedback);
          } else {
            out.printf("       %d tests: %s%n", group.size(), feedback);
            group.stream().limit(3).forEach(test -> out.printf("         %s%n", test.id()));
            if (group.size() > 3) {
              out.printf("         ... and %d more%n", group.size() - 3);
            }
          }
        });
    return ok;
  }

  private static boolean checkStubs(Scorecard stubs, PrintWriter out) {
    List<QuestionScore> wrong =
        stubs.questions().stream()
            .filter(
                question ->
                    question.score() != 0 || question.status() != QuestionStatus.NOT_IMPLEMENTED)
            .toList();
    boolean ok = wrong.isEmpty() && stubs.score() == 0;
    out.printf(
        "%-4s untouched stubs: %s / %s, %d of %d questions say they are not implemented yet%n",
        ok ? "ok" : "FAIL",
        Numbers.points(stubs.score()),
        Numbers.points(stubs.maxScore()),
        stubs.questions().size() - wrong.size(),
        stubs.questions().size());
    for (QuestionScore question : wrong) {
      out.printf(
          "       question %d: %s / %s, %s%n",
          question.number(), Numbers.points(question.score()), Numbers.points(question.maxScore()),
          question.status().key());
    }
    return ok;
  }

}
