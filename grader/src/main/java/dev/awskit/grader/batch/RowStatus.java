package dev.awskit.grader.batch;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** Says what became of one student's submission in a batch: the gradebook's status column. */
public enum RowStatus {
  /** Marks a submission that was graded, whatever its score (compile errors included). */
  GRADED("graded"),
  /**
   * Marks a submission that cannot be graded at all: no Java source, a refused zip, two submissions
   * with one id. It scores zero; the reason column says why.
   */
  UNUSABLE("unusable"),
  /**
   * Marks a submission on which the grader itself failed. It scores zero for now and is graded
   * again by the next run; the reason column holds the grader's error.
   */
  ERROR("error");

  private final String key;

  RowStatus(String key) {
    this.key = key;
  }

  /** Returns the word the gradebook and the result files use. */
  @JsonValue
  public String key() {
    return key;
  }

  /** Returns the status a gradebook word names. */
  public static Optional<RowStatus> of(String key) {
    return Arrays.stream(values()).filter(status -> status.key.equals(key)).findFirst();
  }

  @Override
  public String toString() {
    return key;
  }
}
