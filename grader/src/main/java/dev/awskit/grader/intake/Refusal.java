package dev.awskit.grader.intake;

/** Carries the reason a submission is refused from deep in the intake up to its entry point. */
final class Refusal extends RuntimeException {

  private static final long serialVersionUID = 1L;

  Refusal(String reason) {
    // No stack trace: the reason is the whole story, and it is for a student, not a developer.
    super(reason, null, false, false);
  }
}
