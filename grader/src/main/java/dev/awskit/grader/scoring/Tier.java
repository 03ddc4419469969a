package dev.awskit.grader.scoring;

import java.util.List;

/**
 * Groups questions of one difficulty and gives each a default number of points.
 *
 * @param name the tier's name, such as {@code easy}
 * @param questions the numbers of its questions, in order
 * @param pointsPerQuestion the points each of its questions is worth unless a question says
 *     otherwise
 */
public record Tier(String name, List<Integer> questions, double pointsPerQuestion) {

  /** Creates a tier; the list is copied. */
  public Tier {
    questions = List.copyOf(questions);
  }
}
