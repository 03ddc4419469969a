package dev.awskit.grader.vetting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awskit.grader.intake.IntakeLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Keeps {@code docs/security.md} in step with the rules and limits in the code. */
class SecurityDocTest {

  private static final Path DOC = Path.of("..", "docs", "security.md");

  @Test
  @DisplayName("every vetting rule has a row in the rules table")
  void listsEveryRule() throws IOException {
    String doc = Files.readString(DOC);
    assertThat(VettingRules.defaults())
        .extracting(VettingRule::id)
        .allSatisfy(id -> assertThat(doc).contains("| `" + id + "` |"));
  }

  @Test
  @DisplayName("the documented default limits are the ones in IntakeLimits.defaults()")
  void statesTheDefaultLimits() throws IOException {
    String doc = Files.readString(DOC);
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
