package dev.awskit.grader.batch;

import dev.awskit.grader.scoring.SubmissionTime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds when each submission was handed in, for a late policy, and says where it read it.
 *
 * <p>In this order: the {@code created_at} field of Gradescope's {@code submission_metadata.json}
 * at the top of the student's folder (ISO-8601 with an offset, as Gradescope writes it); the
 * roster's {@code submitted_at}; and, only when the instructor asks for it, the newest
 * modification time of the submission's files (or of the zip). File times are easy to change
 * and a copy may reset them, so they are never used unasked.
 */
public final class SubmissionTimes {

  /** Names the file Gradescope writes beside a submission. */
  public static final String METADATA_FILE = "submission_metadata.json";

  /** Names the source of a time read from the roster. */
  public static final String ROSTER = "roster";

  /** Names the source of a time read from file modification times. */
  public static final String FILE_TIMES = "file times";

  private final Map<String, Instant> roster;
  private final boolean fileTimes;

  /**
   * Creates the finder.
   *
   * @param roster the roster's submission times, by submission name
   * @param fileTimes whether to fall back on the files' modification times
   */
  public SubmissionTimes(Map<String, Instant> roster, boolean fileTimes) {
    this.roster = Map.copyOf(roster);
    this.fileTimes = fileTimes;
  }

  /**
   * Returns when a submission was handed in; empty when no source knows.
   *
   * @param student the submission
   * @param problems collects what was wrong with a source that was skipped, in words
   */
  public Optional<SubmissionTime> of(StudentSubmission student, List<String> problems) {
    Path metadata = student.path().resolve(METADATA_FILE);
    if (!student.isZip() && Files.isRegularFile(metadata)) {
      Optional<Instant> created = createdAt(metadata, student.id(), problems);
      if (created.isPresent()) {
        return Optional.of(new SubmissionTime(created.get(), METADATA_FILE));
      }
    }
    Instant listed = roster.get(student.id());
    if (listed != null) {
      return Optional.of(new SubmissionTime(listed, ROSTER));
    }
    if (fileTimes) {
      try {
        return newestFile(student.path()).map(at -> new SubmissionTime(at, FILE_TIMES));
      } catch (IOException unreadable) {
        problems.add(student.id() + ": cannot read its file times (" + unreadable.getMessage() + ")");
      }
    }
    return Optional.empty();
  }

  private static Optional<Instant> createdAt(
      Path metadata, String student, List<String> problems) {
    GradescopeMetadata.Read read = GradescopeMetadata.read(metadata);
    if (read instanceof GradescopeMetadata.Found found) {
      return Optional.of(found.metadata().createdAt());
    }
    problems.add(
        student
            + "/"
            + METADATA_FILE
            + ": "
            + ((GradescopeMetadata.Broken) read).problem()
            + "; the next source was used");
    return Optional.empty();
  }

  private static Optional<Instant> newestFile(Path submission) throws IOException {
    if (Files.isRegularFile(submission)) {
      return Optional.of(Files.getLastModifiedTime(submission).toInstant());
    }
    List<Instant> times = new ArrayList<>();
    try (Stream<Path> tree = Files.walk(submission)) {
      for (Path file : tree.filter(Files::isRegularFile).toList()) {
        if (!file.getFileName().toString().startsWith(".")) {
          times.add(Files.getLastModifiedTime(file).toInstant());
        }
      }
    }
    return times.stream().max(Instant::compareTo);
  }
}
