package dev.awskit.grader.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Plays a grader that is stopped or killed, for {@link ScratchOwnerTest}: claims the folder given
 * as its argument as the grader's {@code Main} does, makes a folder of its own there, prints that
 * folder's path, and waits until its input ends.
 */
final class ScratchOwnerHolder {

  private ScratchOwnerHolder() {}

  public static void main(String[] args) throws IOException {
    Path parent = Path.of(args[0]);
    try (ScratchOwner owner = ScratchOwner.claimUntilExit(List.of(parent))) {
      Path own = Files.createTempDirectory(parent, ScratchOwner.prefix("awskit-grade-"));
      Files.writeString(own.resolve("Source.java"), "class Source {}");
      System.out.println(own);
      System.out.flush();
      while (System.in.read() >= 0) {
        // Waits for the test to stop this process, or to close its input.
      }
    }
  }
}
