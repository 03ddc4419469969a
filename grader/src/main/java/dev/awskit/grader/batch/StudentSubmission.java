package dev.awskit.grader.batch;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Names one student's work in a batch folder: a folder or a zip, named after the student.
 *
 * @param id the student's id: the folder's name, or the zip's name without {@code .zip}
 * @param entries the folder or zip; two or more when the batch folder holds several with the same
 *     id (such as {@code alice/} and {@code alice.zip}), which makes the submission ambiguous
 */
public record StudentSubmission(String id, List<Path> entries) {

  /** Checks that there is an id and at least one entry; the list is copied. */
  public StudentSubmission {
    Objects.requireNonNull(id, "id");
    entries = List.copyOf(entries);
    if (entries.isEmpty()) {
      throw new IllegalArgumentException("A submission needs a folder or a zip");
    }
  }

  /** Creates the submission of one folder or zip. */
  public static StudentSubmission of(String id, Path entry) {
    return new StudentSubmission(id, List.of(entry));
  }

  /** Returns the folder or zip to grade (the first one when the submission is ambiguous). */
  public Path path() {
    return entries.get(0);
  }

  /** Tells whether the batch folder holds more than one submission with this id. */
  public boolean isAmbiguous() {
    return entries.size() > 1;
  }

  /**
   * Returns {@code message} with the path of {@code copy}, the private copy graded in this
   * submission's place, replaced by this submission's own path: a reason in a gradebook must name
   * what the instructor handed in, not a scratch folder deleted after the batch.
   */
  String inOwnTerms(String message, StudentSubmission copy) {
    return message.replace(copy.path().toString(), path().toString());
  }

  /** Tells whether the submission is a zip rather than a folder. */
  public boolean isZip() {
    return isZipName(path().getFileName().toString());
  }

  static boolean isZipName(String name) {
    return name.toLowerCase(Locale.ROOT).endsWith(".zip");
  }
}
