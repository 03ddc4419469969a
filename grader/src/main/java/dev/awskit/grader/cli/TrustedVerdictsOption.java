package dev.awskit.grader.cli;

import dev.awskit.grader.defendant.DefendantRunner;
import dev.awskit.grader.worker.ConfinedDefendants;
import dev.awskit.grader.worker.WorkerRunner;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Adds {@code --[no-]trusted-verdicts} to the commands that grade submissions. By default the
 * hidden tests run in the grader's own JVM ({@link DefendantRunner}) and only the submission's
 * code runs in a JVM confined at the level {@code --isolation} chooses ({@link
 * ConfinedDefendants}); {@code --no-trusted-verdicts}, or {@code batch --reuse-workers}, runs both
 * in the worker JVM.
 */
final class TrustedVerdictsOption {

  @Option(
      names = "--trusted-verdicts",
      negatable = true,
      description =
          "Run the hidden tests in the grader's own JVM and only the submission's code in the"
              + " sandboxed JVM (at the level --isolation chooses), so that code that gets past"
              + " the static vetting cannot change how it is judged. On by default;"
              + " --no-trusted-verdicts runs the tests beside the code in the worker JVM, as"
              + " batch --reuse-workers must, only where you trust the static vetting.")
  Boolean chosen;

  /**
   * Tells whether the verdicts stay in this JVM: as the user chose, or, when they did not, unless
   * workers are to be reused (a worker that holds the tests is what a reused worker is).
   */
  boolean trusted(boolean reuseWorkers) {
    return chosen == null ? !reuseWorkers : chosen;
  }

  /** Tells whether the user asked for {@code --trusted-verdicts} in so many words. */
  boolean askedFor() {
    return Boolean.TRUE.equals(chosen);
  }

  /**
   * Returns what a command grades with: {@code context} as it is, or, when the verdicts stay in
   * this JVM, the same context whose worker run step is replaced by one that keeps the verdicts
   * here and runs the submission's code confined at the level {@code isolation} chooses. A run
   * step that is not a {@link WorkerRunner} (a test's stand-in) is kept as it is.
   */
  Judging judging(Context context, IsolationOptions isolation, boolean reuseWorkers) {
    boolean trusted = trusted(reuseWorkers);
    if (!trusted || !(context.runner() instanceof WorkerRunner)) {
      return new Judging(context, trusted, Optional.empty());
    }
    ConfinedDefendants defendants = ConfinedDefendants.at(isolation.isolation);
    return new Judging(
        context.withRunner(new DefendantRunner(defendants)), true, Optional.of(defendants));
  }

  /**
   * Holds the context a command grades in and, when the verdicts stay in this JVM, the
   * defendants' starter, whose confinement ends with it.
   *
   * @param context the context to grade in
   * @param trusted whether the verdicts stay in this JVM
   * @param defendants the starter of the defendants, when they replaced the workers
   */
  record Judging(Context context, boolean trusted, Optional<ConfinedDefendants> defendants)
      implements AutoCloseable {

    /** Deletes what the defendants' confinement prepared. */
    @Override
    public void close() {
      defendants.ifPresent(ConfinedDefendants::close);
    }
  }
}
