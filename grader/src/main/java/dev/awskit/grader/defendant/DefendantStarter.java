package dev.awskit.grader.defendant;

/** Starts a defendant JVM ({@link DefendantMain}) for one submission, confined as it must be. */
@FunctionalInterface
public interface DefendantStarter {

  /** Starts the process; its standard input and output are the judge's channel to it. */
  Process start();
}
