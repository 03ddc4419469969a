package dev.awskit.grader.intake;

/**
 * Bounds what the intake accepts, so a hostile archive or folder cannot fill the disk or memory.
 *
 * <p>Sizes count bytes actually read (for a zip: inflated), never the sizes an archive declares
 * in its headers, which a hostile archive can fake.
 *
 * @param maxArchiveBytes largest zip file accepted, before anything in it is read
 * @param maxEntries most entries a zip may hold (files and folders, all counted), or most files
 *     and folders a submission folder may hold outside the skipped folders
 * @param maxExpandedBytes most bytes of Java source read in total
 * @param maxSourceBytes most bytes one Java source may hold
 * @param maxPathLength most characters in the relative path of one entry
 */
public record IntakeLimits(
    long maxArchiveBytes,
    int maxEntries,
    long maxExpandedBytes,
    long maxSourceBytes,
    int maxPathLength) {

  private static final long MIB = 1024L * 1024L;

  /** Checks that every bound is positive and that one source fits in the total. */
  public IntakeLimits {
    if (maxArchiveBytes <= 0 || maxEntries <= 0 || maxExpandedBytes <= 0 || maxSourceBytes <= 0
        || maxPathLength <= 0) {
      throw new IllegalArgumentException("Every intake limit must be positive: " + this);
    }
    if (maxSourceBytes > maxExpandedBytes) {
      throw new IllegalArgumentException(
          "One source cannot be allowed more bytes than the whole submission: " + this);
    }
  }

  /**
   * Returns the defaults: a zip of at most 20 MiB and 2,000 entries, 20 MiB of sources in total,
   * 1 MiB per source, 400 characters per path.
   */
  public static IntakeLimits defaults() {
    return new IntakeLimits(20 * MIB, 2_000, 20 * MIB, MIB, 400);
  }
}
