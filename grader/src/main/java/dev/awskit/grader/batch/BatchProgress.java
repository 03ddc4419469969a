package dev.awskit.grader.batch;

/**
 * Shows how far a batch has got. Called from the grading threads, so implementations are
 * thread-safe.
 */
public interface BatchProgress extends AutoCloseable {

  /** Starts the display for {@code total} students. */
  void started(int total);

  /**
   * Shows that one student is done.
   *
   * @param result the student's result
   * @param kept true when an earlier run's result was kept instead of grading again
   */
  void finished(StudentResult result, boolean kept);

  /** Ends the display. */
  @Override
  void close();

  /**
   * Returns {@code display}, which also runs {@code afterEachStudent} each time a student is done
   * and {@code afterTheEnd} once the display ends.
   */
  static BatchProgress also(
      BatchProgress display, Runnable afterEachStudent, Runnable afterTheEnd) {
    return new BatchProgress() {
      @Override
      public void started(int total) {
        display.started(total);
      }

      @Override
      public void finished(StudentResult result, boolean kept) {
        display.finished(result, kept);
        afterEachStudent.run();
      }

      @Override
      public void close() {
        display.close();
        afterTheEnd.run();
      }
    };
  }

  /** Returns a display that shows nothing. */
  static BatchProgress silent() {
    return new BatchProgress() {
      @Override
      public void started(int total) {}

      @Override
      public void finished(StudentResult result, boolean kept) {}

      @Override
      public void close() {}
    };
  }
}
