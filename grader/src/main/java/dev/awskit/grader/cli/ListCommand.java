package dev.awskit.grader.cli;

import dev.awskit.grader.distribution.HiddenCheckList;
import dev.awskit.grader.engine.Catalog;
import dev.awskit.grader.engine.Question;
import dev.awskit.grader.scoring.GradingScheme;
import dev.awskit.grader.scoring.PolicyException;
import dev.awskit.grader.scoring.QuestionRule;
import dev.awskit.grader.scoring.Tier;
import dev.awskit.grader.scoring.TestWeight;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Lists the questions, their tiers and points, and the names and points of the hidden tests. */
@Command(
    name = "list",
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Lists the questions with their tier and points, and each hidden test's name and points"
          + " (names only, never the tests' code). With --policy, as that policy scores them.",
      "",
      "--format checks prints the same as the tab-separated list that the student kit ships"
          + " for its progress table (tests the policy hides are left out), which lives in "
          + HiddenCheckList.RESOURCE + "."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  java -jar grader/target/awskit-grader.jar list --policy policy.yaml",
      "  java -jar grader/target/awskit-grader.jar list --format checks \\",
      "      > hidden-checks.tsv"
    })
final class ListCommand implements Callable<Integer> {

  @Option(
      names = "--policy",
      paramLabel = "FILE",
      description = "Grading policy to apply (default: the built-in policy).")
  private Path policy;

  /** Names the two ways the list can be printed (the command line takes them in lower case). */
  enum Format {
    TEXT,
    CHECKS
  }

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "text (default) for people, checks for the student kit's list.",
      defaultValue = "text")
  private Format format;

  private final Context context;

  ListCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Catalog catalog = context.catalog().get();
    GradingScheme scheme;
    try {
      scheme = Policies.load(context, policy, catalog);
    } catch (PolicyException broken) {
      return Policies.broken(context, broken);
    }
    PrintWriter out = context.out();
    if (format == Format.CHECKS) {
      out.print(HiddenCheckList.render(scheme));
      out.flush();
      return ExitCodes.OK;
    }
    out.printf(
        "%d questions, %s points in all; every test has a time limit of %s s.%n",
        scheme.questions().size(),
        Numbers.points(scheme.maxScore()),
        Numbers.points(scheme.timeLimit().toMillis() / 1000.0));
    for (Tier tier : scheme.tiers()) {
      out.printf(
          "  tier %-13s %s points per question: questions %s%n",
          tier.name(),
          Numbers.points(tier.pointsPerQuestion()),
          tier.questions().stream().map(String::valueOf).collect(Collectors.joining(", ")));
    }
    for (QuestionRule rule : scheme.questions()) {
      Question question = catalog.question(rule.number()).orElseThrow();
      out.printf(
          "%nQuestion %d - %s [%s, %s points]%n  implement %s in package %s (contract %s)%n",
          rule.number(),
          rule.title(),
          rule.tier(),
          Numbers.points(rule.maxPoints()),
          question.implementation(),
          question.packageName(),
          question.contractSimpleName());
      double total = rule.totalWeight();
      for (TestWeight weight : rule.tests()) {
        double share = total > 0 ? weight.weight() / total * rule.maxPoints() : 0;
        out.printf(
            "  %6s pts  %s (weight %s, %s)%n",
            Numbers.points(Math.round(share * 100) / 100.0),
            weight.test().displayName(),
            Numbers.points(weight.weight()),
            weight.visibility().key());
      }
    }
    out.flush();
    return ExitCodes.OK;
  }

}
