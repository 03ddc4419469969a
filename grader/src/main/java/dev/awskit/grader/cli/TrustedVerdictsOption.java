package dev.awskit.grader.cli;

import dev.awskit.grader.defendant.DefendantRunner;
import dev.awskit.grader.worker.ConfinedDefendants;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Adds {@code --trusted-verdicts} to the commands that grade submissions: with it, the hidden
 * tests run in the grader's own JVM ({@link DefendantRunner}) and only the submission's code runs
 * in a JVM confined at the level {@code --isolation} chooses ({@link ConfinedDefendants}), in
 * place of the context's run step.
 */
final class TrustedVerdictsOption {

  @Option(
      names = "--trusted-verdicts",
      description =
          "New: run the hidden tests in the grader's own JVM and only the submission's code in the"
              + " sandboxed JVM (at the level --isolation chooses), so that code that gets past"
              + " the static vetting cannot change how it is judged.")
  boolean chosen;

  /**
   * Returns what a command grades with: {@code context} as it is, or, with {@code
   * --trusted-verdicts}, the same context whose run step keeps the verdicts in this JVM and runs
   * the submission's code confined at the level {@code isolation} chooses.
   */
  Judging judging(Context context, IsolationOptions isolation) {
    if (!chosen) {
      return new Judging(context, Optional.empty());
    }
    ConfinedDefendants defendants = ConfinedDefendants.at(isolation.isolation);
    return new Judging(context.withRunner(new DefendantRunner(defendants)), Optional.of(defendants));
  }

  /**
   * Holds the context a command grades in and, with {@code --trusted-verdicts}, the defendants'
   * starter, whose confinement ends with it.
   *
   * @param context the context to grade in
   * @param defendants the starter of the defendants, when the verdicts stay in this JVM
   */
  record Judging(Context context, Optional<ConfinedDefendants> defendants)
      implements AutoCloseable {

    /** Deletes what the defendants' confinement prepared. */
    @Override
    public void close() {
      defendants.ifPresent(ConfinedDefendants::close);
    }
  }
}
