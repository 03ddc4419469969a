package dev.awskit.grader.vetting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awskit.grader.intake.IntakeLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Keeps the security documents in step with the rules and limits in the code: the rules table of
 * {@code docs/security/static-vetting.md} and the limits of {@code docs/security/intake.md}.
 */
class SecurityDocTest {

  private static final Path SECURITY = Path.of("..", "docs", "security");
  private static final Path STATIC_VETTING = SECURITY.resolve("static-vetting.md");
  private static final Path INTAKE = SECURITY.resolve("intake.md");

  @Test
  @DisplayName("every vetting rule has a row in the rules table")
  void listsEveryRule() throws IOException {
    String doc = Files.readString(STATIC_VETTING);
    assertThat(VettingRules.defaults())
        .extracting(VettingRule::id)
        .allSatisfy(id -> assertThat(doc).contains("| `" + id + "` |"));
  }

  @Test
  @DisplayName("the documented default limits are the ones in IntakeLimits.defaults()")
  void statesTheDefaultLimits() throws IOException {
    String doc = Files.readString(INTAKE);
    IntakeLimits limits = IntakeLimits.defaults();
    long mib = 1024L * 1024L;
    assertThat(doc)
        .contains("| `maxArchiveBytes` | " + limits.maxArchiveBytes() / mib + " MiB |")
        .contains("| `maxEntries` | " + String.format(java.util.Locale.ROOT, "%,d", limits.maxEntries()) + " |")
        .contains("| `maxExpandedBytes` | " + limits.maxExpandedBytes() / mib + " MiB |")
        .contains("| `maxSourceBytes` | " + limits.maxSourceBytes() / mib + " MiB |")
        .contains("| `maxPathLength` | " + limits.maxPathLength() + " |");
  }
}
