package dev.awskit.grader.intake;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** Holds the outcome of taking in one submission: a sandbox of sources, or a refusal. */
public sealed interface IntakeResult permits IntakeResult.Accepted, IntakeResult.Refused {

  /**
   * Describes a submission copied into its sandbox.
   *
   * @param sandbox the folder created for this submission; the caller owns it and deletes it
   * @param sourceRoot the folder under {@code sandbox} that holds the sources, in their layout
   * @param sources every Java source written, absolute, under {@code sourceRoot}, sorted, UTF-8
   * @param warnings what the intake changed or left out, in plain words for the student
   */
  record Accepted(Path sandbox, Path sourceRoot, List<Path> sources, List<String> warnings)
      implements IntakeResult {

    /** Copies the lists, so the result cannot change after it is made. */
    public Accepted {
      Objects.requireNonNull(sandbox, "sandbox");
      Objects.requireNonNull(sourceRoot, "sourceRoot");
      sources = List.copyOf(sources);
      warnings = List.copyOf(warnings);
    }
  }

  /**
   * Describes a submission that cannot be graded; nothing of it is left on disk.
   *
   * @param reason what is wrong and what to do about it, in plain words for the student and the
   *     instructor
   */
  record Refused(String reason) implements IntakeResult {

    /** Checks that there is a reason to show. */
    public Refused {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
