package dev.awskit.grader.distribution;

import java.nio.file.Path;
import java.util.List;

/**
 * Describes a zip file that was written: where it is and the names of the files it holds.
 *
 * @param file the zip file
 * @param entries the names of its file entries (no folder entries), in the order written
 */
public record WrittenArchive(Path file, List<String> entries) {

  /** Creates the description; the list is copied. */
  public WrittenArchive {
    entries = List.copyOf(entries);
  }
}
