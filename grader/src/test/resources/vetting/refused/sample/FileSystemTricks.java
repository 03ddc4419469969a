package sample;

import java.nio.file.Files;
import java.nio.file.Path;

public class FileSystemTricks {
  public void tricks(Path target) throws Exception {
    Files.createSymbolicLink(Path.of("link"), target); // refused: file-system-tricks
    target.toFile().setExecutable(true); // refused: file-system-tricks
    target.toFile().deleteOnExit(); // refused: file-system-tricks
  }
}
