package dev.awskit.grader.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names one slice of a class, so that several machines (a CI matrix) can grade it together.
 *
 * <p>Slicing is stable: students are sorted by id, and shard {@code i} of {@code n} takes the
 * students at positions {@code i-1}, {@code i-1+n}, {@code i-1+2n}, ... Every student falls in
 * exactly one shard, and shards differ in size by one at most, as long as every shard sees the same
 * batch folder.
 *
 * @param index which slice, from 1 to {@code count}
 * @param count how many slices
 */
public record Shard(int index, int count) {

  /** Names the whole class: one slice of one. */
  public static final Shard ALL = new Shard(1, 1);

  private static final Pattern FORM = Pattern.compile("\\s*(\\d{1,6})\\s*/\\s*(\\d{1,6})\\s*");

  /** Checks that {@code 1 <= index <= count}. */
  public Shard {
    if (count < 1 || index < 1 || index > count) {
      throw new IllegalArgumentException(
          "A shard is i/n with 1 <= i <= n, such as 1/4; " + index + "/" + count + " is not.");
    }
  }

  /**
   * Reads {@code i/n}, such as {@code 2/4}; empty when the text is not of that form or out of
   * range.
   */
  public static Optional<Shard> parse(String text) {
    Matcher matcher = FORM.matcher(text);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    int index = Integer.parseInt(matcher.group(1));
    int count = Integer.parseInt(matcher.group(2));
    if (count < 1 || index < 1 || index > count) {
      return Optional.empty();
    }
    return Optional.of(new Shard(index, count));
  }

  /** Returns this shard's students among {@code students}, which must be sorted by id. */
  public List<StudentSubmission> select(List<StudentSubmission> students) {
    List<StudentSubmission> slice = new ArrayList<>();
    for (int position = index - 1; position < students.size(); position += count) {
      slice.add(students.get(position));
    }
    return slice;
  }

  /** Tells whether this shard is the whole class. */
  public boolean isAll() {
    return count == 1;
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }
}
