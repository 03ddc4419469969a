package dev.awskit.grader.batch;

import dev.awskit.grader.report.ReportFormat;
import dev.awskit.grader.scoring.GradingScheme;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Computes the SHA-256 digests that tell a re-run whether a student's earlier result still holds:
 * one of the submission's content, one of the settings it was graded with.
 */
public final class Fingerprints {

  private Fingerprints() {}

  /**
   * Returns the digest of a submission: a zip's bytes, or the relative path and bytes of every file
   * in a folder, hidden files and folders left out (the grader ignores them too).
   *
   * @throws IOException when the submission cannot be read
   */
  public static String ofSubmission(Path submission) throws IOException {
    MessageDigest digest = sha256();
    if (Files.isDirectory(submission)) {
      // A folder that is itself a link counts by what it holds, which is what is graded.
      Path folder = submission.toRealPath();
      digest.update("folder\0".getBytes(StandardCharsets.UTF_8));
      for (Path file : visibleFiles(folder)) {
        String relative = folder.relativize(file).toString().replace('\\', '/');
        digest.update(relative.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(ByteBuffer.allocate(Long.BYTES).putLong(Files.size(file)).array());
        update(digest, file);
      }
    } else {
      digest.update("file\0".getBytes(StandardCharsets.UTF_8));
      update(digest, submission);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /**
   * Returns the digest of what grading depends on besides the submission: the scheme (points,
   * tiers, tests, time limit, parameters), the report formats and the grader's version.
   */
  public static String ofSettings(GradingScheme scheme, Set<ReportFormat> formats, String version) {
    StringBuilder text = new StringBuilder();
    text.append("time limit ").append(scheme.timeLimit()).append('\n');
    scheme.tiers().forEach(tier -> text.append(tier).append('\n'));
    scheme.questions().forEach(rule -> text.append(rule).append('\n'));
    // A map's own order can change from run to run; a sorted copy cannot.
    text.append(new TreeMap<>(scheme.parameters())).append('\n');
    TreeSet<String> formatKeys = new TreeSet<>();
    formats.forEach(format -> formatKeys.add(format.key()));
    text.append(formatKeys).append('\n').append(version);
    return HexFormat.of()
        .formatHex(sha256().digest(text.toString().getBytes(StandardCharsets.UTF_8)));
  }

  /** Returns the digest of a text, in the same form as the others. */
  public static String ofText(String text) {
    return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<Path> visibleFiles(Path folder) throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(folder)) {
      walk.filter(Files::isRegularFile)
          .filter(path -> !isHidden(folder.relativize(path)))
          .forEach(files::add);
    }
    files.sort((left, right) -> left.toString().compareTo(right.toString()));
    return files;
  }

  private static boolean isHidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private static void update(MessageDigest digest, Path file) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = Files.newInputStream(file)) {
      for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
        digest.update(buffer, 0, read);
      }
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException missing) {
      throw new IllegalStateException("Every JDK has SHA-256", missing);
    }
  }
}
