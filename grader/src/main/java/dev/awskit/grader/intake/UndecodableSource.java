package dev.awskit.grader.intake;

/** Says what the intake does with a source that is not valid UTF-8 (nor UTF-16/32 with a BOM). */
public enum UndecodableSource {
  /**
   * Reads the file as windows-1252 (ISO-8859-1 where windows-1252 leaves a byte undefined) and
   * adds a warning; right for the usual case, a file saved by an editor in a Western code page.
   */
  DECODE_AS_WINDOWS_1252,

  /** Refuses the whole submission, naming the file and the line of the first bad byte. */
  REFUSE
}
