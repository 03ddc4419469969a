package dev.awskit.grader.testing;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Opens a page from disk in Debian's headless Chromium and returns what it rendered and what its
 * console said. The test skips where Chromium is missing and fails in CI, where {@code .ci/run}
 * installs it.
 */
public final class HeadlessChromium {

  private static final long TIME_LIMIT_SECONDS = 90;

  private final Path chromium;
  private final Path workFolder;

  private HeadlessChromium(Path chromium, Path workFolder) {
    this.chromium = chromium;
    this.workFolder = workFolder;
  }

  /** Returns a browser that keeps its profile in {@code workFolder}, or skips the test. */
  public static HeadlessChromium require(Path workFolder) {
    Optional<Path> found =
        Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
            .filter(folder -> !folder.isBlank())
            .flatMap(
                folder -> Stream.of("chromium", "chromium-browser").map(Path.of(folder)::resolve))
            .filter(Files::isExecutable)
            .findFirst();
    if (found.isEmpty()) {
      String reason =
          "Chromium is not installed (Debian package 'chromium'), so the class report cannot be"
              + " opened in a browser here.";
      if ("true".equals(System.getenv("CI"))) {
        fail(reason + " CI must have it: .ci/run installs it.");
      }
      Assumptions.abort(reason);
    }
    return new HeadlessChromium(found.get(), workFolder);
  }

  /**
   * Holds what one page load gave.
   *
   * @param dom the page's DOM after its scripts ran
   * @param console the lines the page's console received, from Chromium's log
   */
  public record Load(String dom, List<String> console) {}

  /** Loads the page, prints its DOM, and collects its console lines. */
  public Load dumpDom(Path page) throws IOException, InterruptedException {
    Path dom = workFolder.resolve("dom.html");
    Path log = run(page, dom, "--dump-dom");
    List<String> console =
        Files.readAllLines(log, StandardCharsets.UTF_8).stream()
            .filter(line -> line.contains(":CONSOLE"))
            .toList();
    return new Load(Files.readString(dom, StandardCharsets.UTF_8), console);
  }

  /** Takes a screenshot of the page at the given window size. */
  public Path screenshot(Path page, int width, int height)
      throws IOException, InterruptedException {
    Path png = workFolder.resolve("screenshot.png");
    run(
        page,
        workFolder.resolve("screenshot-out.txt"),
        "--screenshot=" + png,
        "--window-size=" + width + "," + height);
    return png;
  }

  private Path run(Path page, Path stdout, String... extra)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(chromium.toString());
    command.add("--headless");
    // As root Chromium refuses to start with its own sandbox; the page is our own.
    command.add("--no-sandbox");
    command.add("--disable-gpu");
    command.add("--disable-dev-shm-usage");
    command.add("--no-first-run");
    command.add("--user-data-dir=" + workFolder.resolve("profile"));
    command.add("--enable-logging=stderr");
    command.add("--v=0");
    command.addAll(List.of(extra));
    command.add(page.toUri().toString());
    Path log = workFolder.resolve("chromium-" + System.nanoTime() + ".log");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(stdout.toFile())
            .redirectError(log.toFile())
            .start();
    if (!process.waitFor(TIME_LIMIT_SECONDS, TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      fail("Chromium did not finish within " + TIME_LIMIT_SECONDS + " s: " + command);
    }
    if (process.exitValue() != 0) {
      fail("Chromium exited with " + process.exitValue() + ": " + Files.readString(log));
    }
    return log;
  }
}
