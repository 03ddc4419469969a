package dev.awskit.grader.scoring;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** Says when students see a test's result on Gradescope; the names are Gradescope's. */
public enum Visibility {
  /** Shows the test always. */
  VISIBLE("visible"),
  /** Shows the test once the assignment's due date has passed. */
  AFTER_DUE_DATE("after_due_date"),
  /** Shows the test once the instructor publishes the grades. */
  AFTER_PUBLISHED("after_published"),
  /** Hides the test from students. */
  HIDDEN("hidden");

  private final String key;

  Visibility(String key) {
    this.key = key;
  }

  /** Returns the name Gradescope and the policy file use. */
  @JsonValue
  public String key() {
    return key;
  }

  /** Returns the visibility with that name, if there is one. */
  public static Optional<Visibility> of(String key) {
    return Arrays.stream(values()).filter(value -> value.key.equals(key)).findFirst();
  }
}
