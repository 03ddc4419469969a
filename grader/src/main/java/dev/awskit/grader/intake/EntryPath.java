package dev.awskit.grader.intake;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Holds the relative path of one file in a submission as plain name segments, checked so that
 * it can only ever point inside the folder it is resolved against.
 *
 * @param segments the folder names and the file name, none empty, {@code .} or {@code ..}
 */
record EntryPath(List<String> segments) {

  /** Most bytes most file systems allow in one file or folder name. */
  private static final int MAX_NAME_BYTES = 255;

  EntryPath {
    segments = List.copyOf(segments);
  }

  /**
   * Parses the name of a zip entry or a relative file path, refusing what could escape the
   * extraction folder: an absolute path, a drive letter, a {@code ..} segment, a NUL character.
   * Backslashes count as separators, as some Windows tools write them.
   */
  static EntryPath parse(String name, int maxPathLength) {
    if (name.length() > maxPathLength) {
      throw new Refusal(
          "The path " + shorten(name) + " is longer than " + maxPathLength
              + " characters; shorten the folder names.");
    }
    if (name.indexOf('\u0000') >= 0) {
      throw new Refusal("The archive holds an entry whose name contains a NUL character.");
    }
    String unified = name.replace('\\', '/');
    if (unified.startsWith("/") || unified.matches("^[A-Za-z]:.*")) {
      throw new Refusal(
          "The archive holds an entry with an absolute path (" + shorten(name) + "); zip the"
              + " folder's contents with relative paths.");
    }
    List<String> segments = new ArrayList<>();
    for (String segment : unified.split("/")) {
      if (segment.equals("..")) {
        throw new Refusal(
            "The archive holds an entry that points outside its folder (" + shorten(name)
                + "); such archives are refused.");
      }
      if (segment.isEmpty() || segment.equals(".")) {
        continue;
      }
      if (segment.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
        throw new Refusal("The path " + shorten(name) + " has a name longer than 255 bytes.");
      }
      segments.add(segment);
    }
    return new EntryPath(segments);
  }

  /** Returns whether the path names nothing, as the entry {@code ./} does. */
  boolean isEmpty() {
    return segments.isEmpty();
  }

  /** Returns the file name, the last segment. */
  String fileName() {
    return segments.get(segments.size() - 1);
  }

  /** Returns whether the file name ends with {@code suffix}, ignoring case. */
  boolean hasSuffix(String suffix) {
    return !isEmpty() && fileName().toLowerCase(Locale.ROOT).endsWith(suffix);
  }

  /** Returns the path with forward slashes, for messages. */
  @Override
  public String toString() {
    return String.join("/", segments);
  }

  private static String shorten(String name) {
    return name.length() <= 120 ? name : name.substring(0, 117) + "...";
  }
}
