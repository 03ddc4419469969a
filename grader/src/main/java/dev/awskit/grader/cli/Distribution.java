package dev.awskit.grader.cli;

import dev.awskit.grader.distribution.DistributionException;
import dev.awskit.grader.distribution.GradescopeBundle;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Optional;

/** Shares what the distribution commands do alike: error reporting and finding the grader jar. */
final class Distribution {

  private Distribution() {}

  static int refused(Context context, DistributionException refused) {
    context.err().println(refused.getMessage());
    context.err().flush();
    return ExitCodes.USAGE;
  }

  static int failed(Context context, IOException failed) {
    context.err().println("Could not write the zip: " + failed);
    context.err().flush();
    return ExitCodes.INTERNAL_ERROR;
  }

  /** Returns the folder of the running grader jar, when the grader runs from it. */
  static Optional<Path> runningJarFolder() {
    CodeSource source = Distribution.class.getProtectionDomain().getCodeSource();
    if (source == null) {
      return Optional.empty();
    }
    try {
      Path location = Path.of(source.getLocation().toURI());
      return location.getFileName().toString().equals(GradescopeBundle.GRADER_JAR)
          ? Optional.of(location.toAbsolutePath().getParent())
          : Optional.empty();
    } catch (URISyntaxException | IllegalArgumentException unusual) {
      return Optional.empty();
    }
  }
}
