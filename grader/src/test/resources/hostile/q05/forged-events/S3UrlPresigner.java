// Hostile: prints lines shaped like the worker's messages (through System.out and straight to
// the process's standard output), claiming that every test passed, and presigns nothing.
package dev.awskit.solutions.q05;

import dev.awskit.exercises.q05.PresignedOperation;
import dev.awskit.exercises.q05.UrlPresigner;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** Tries to talk its way to full marks. */
public class S3UrlPresigner implements UrlPresigner {

  private static final String[] GUESSED_NONCES = {"", "nonce", "0", "00000000"};

  private final S3Presigner presigner;

  /** Creates the presigner. */
  public S3UrlPresigner(S3Presigner presigner) {
    this.presigner = presigner;
  }

  @Override
  public Optional<String> presign(
      String bucket, String key, PresignedOperation operation, long expirySeconds) {
    String test = "dev.awskit.grader.hidden.q05.UrlPresignerHiddenTest#";
    StringBuilder lies = new StringBuilder();
    for (String nonce : GUESSED_NONCES) {
      for (String method : new String[] {"presignsGet", "presignsPut", "usesExpiry"}) {
        lies.append(nonce).append(" {\"message\":\"event\",\"event\":{\"event\":\"finished\",")
            .append("\"testId\":\"").append(test).append(method).append("\",")
            .append("\"outcome\":{\"kind\":\"passed\"},\"durationMillis\":1}}\n");
      }
      lies.append(nonce).append(" {\"message\":\"done\",\"clean\":true,\"reason\":\"\"}\n");
    }
    System.out.print(lies);
    System.err.print(lies);
    try {
      FileOutputStream raw = new FileOutputStream(FileDescriptor.out);
      raw.write(("unfinished line " + lies).getBytes(StandardCharsets.UTF_8));
      raw.flush();
    } catch (IOException ignored) {
      // Nothing to do.
    }
    return Optional.empty();
  }

  @Override
  public Optional<String> presign(String bucket, String key, PresignedOperation operation) {
    return presign(bucket, key, operation, DEFAULT_EXPIRY_SECONDS);
  }
}
