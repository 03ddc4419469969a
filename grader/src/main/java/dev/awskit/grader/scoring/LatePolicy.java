package dev.awskit.grader.scoring;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Holds a class's due date and what lateness costs: a grace period, a penalty per started day or
 * hour after the due date, a cap on the penalty, and per-student extensions.
 *
 * <p>A submission no later than its due date plus the grace period is on time. A later one is
 * charged for every started day (or hour) after the due date itself, not after the grace period:
 * the grace period forgives a slow upload, not a day. The penalty is taken from the total after
 * any overrides, never below zero.
 *
 * @param due the class's due date
 * @param grace how long after the due date a submission still counts as on time
 * @param penalty what each started day or hour costs
 * @param per the unit the penalty is charged by
 * @param cap the most lateness can cost; empty when it can cost the whole score
 * @param extensions a student's own due date, by submission name, in place of {@code due}
 */
public record LatePolicy(
    OffsetDateTime due,
    Duration grace,
    Amount penalty,
    Unit per,
    Optional<Amount> cap,
    Map<String, OffsetDateTime> extensions) {

  /** Checks the fields; the map is copied. */
  public LatePolicy {
    Objects.requireNonNull(due, "due");
    Objects.requireNonNull(per, "per");
    Objects.requireNonNull(penalty, "penalty");
    if (grace.isNegative()) {
      throw new IllegalArgumentException("A grace period cannot be negative");
    }
    extensions = Map.copyOf(extensions);
  }

  /**
   * Works out what lateness costs a student.
   *
   * @param student the submission's name, which may have an extension
   * @param submitted when it was handed in; empty when nobody knows, which costs nothing
   * @param maxScore what the total is out of, for a penalty in percent
   */
  public Lateness assess(String student, Optional<SubmissionTime> submitted, double maxScore) {
    OffsetDateTime ownDue = extensions.getOrDefault(student, due);
    boolean extended = extensions.containsKey(student);
    if (submitted.isEmpty()) {
      return new Lateness("", "", ownDue.toString(), extended, 0, 0, per.word(), 0, false);
    }
    Instant at = submitted.get().at();
    Duration late = Duration.between(ownDue.toInstant(), at);
    String when = at.toString();
    String source = submitted.get().source();
    if (late.compareTo(grace) <= 0) {
      long minutes = Math.max(0, late.toMinutes());
      return new Lateness(when, source, ownDue.toString(), extended, minutes, 0, per.word(), 0, false);
    }
    long unitMillis = per.length().toMillis();
    int units = (int) Math.min(Integer.MAX_VALUE, (late.toMillis() + unitMillis - 1) / unitMillis);
    double charged = units * penalty.points(maxScore);
    boolean capped = false;
    if (cap.isPresent() && charged > cap.get().points(maxScore)) {
      charged = cap.get().points(maxScore);
      capped = true;
    }
    return new Lateness(
        when, source, ownDue.toString(), extended, late.toMinutes(), units, per.word(), charged,
        capped);
  }

  /**
   * Holds an amount of points, written either as points or as a percent of the total's maximum.
   *
   * @param value the number as written, not negative
   * @param percent whether it is a percent of the maximum rather than points
   */
  public record Amount(double value, boolean percent) {

    /** Checks that the amount is not negative. */
    public Amount {
      if (value < 0 || Double.isNaN(value)) {
        throw new IllegalArgumentException("An amount cannot be negative: " + value);
      }
    }

    /** Returns the amount in points, given what the total is out of. */
    public double points(double maxScore) {
      return percent ? value * maxScore / 100 : value;
    }

    @Override
    public String toString() {
      return percent ? Numbers.plain(value) + "%" : Numbers.plain(value) + " points";
    }
  }

  /** Names the unit lateness is charged by. */
  public enum Unit {
    /** Charges every started day (24 hours). */
    DAY(Duration.ofDays(1)),
    /** Charges every started hour. */
    HOUR(Duration.ofHours(1));

    private final Duration length;

    Unit(Duration length) {
      this.length = length;
    }

    /** Returns how long one unit is. */
    public Duration length() {
      return length;
    }

    /** Returns the unit's name in the policy file: {@code day} or {@code hour}. */
    public String word() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
