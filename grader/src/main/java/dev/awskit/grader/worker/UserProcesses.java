package dev.awskit.grader.worker;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * Finds and ends the processes of one unprivileged user: a worker slot's uid, which nothing but
 * that slot's worker and what it started runs as, so that ending every process of the uid is both
 * safe and total, double forks included.
 */
final class UserProcesses {

  private static final Path PROC = Path.of("/proc");
  private static final Duration GONE_WITHIN = Duration.ofSeconds(2);

  /** Names how much of a status file is read first: its state and uids come within 300 bytes. */
  static final int STATUS_HEAD_BYTES = 1024;

  private final String setpriv;
  private final String kill;

  /**
   * Creates a finder that ends processes by running {@code kill} as the user through {@code
   * setpriv}; a process whose uid is the user's cannot escape that.
   */
  UserProcesses(String setpriv, String kill) {
    this.setpriv = setpriv;
    this.kill = kill;
  }

  /**
   * Returns the process ids whose real user id is {@code uid}, leaving out processes that have
   * ended and wait only to be reaped: they run no code any more.
   */
  static List<Long> of(int uid) {
    List<Long> pids = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC, "[0-9]*")) {
      for (Path entry : entries) {
        if (realUid(entry) == uid) {
          pids.add(Long.parseLong(entry.getFileName().toString()));
        }
      }
    } catch (IOException unreadable) {
      // No /proc: nothing can be listed, and the caller sees no process.
    }
    return pids;
  }

  /**
   * Returns the real user id of the process whose {@code /proc} folder is {@code process}, or -1
   * when it has ended (reaped or waiting to be) or cannot be read.
   */
  static int realUid(Path process) {
    // Only the file's first lines are read: reading it whole, line by line, took two buffers of
    // 8 KB for every process at every scan, a tenth of what a batch of 50 allocated.
    try (InputStream status = Files.newInputStream(process.resolve("status"))) {
      byte[] head = status.readNBytes(STATUS_HEAD_BYTES);
      String text = new String(head, StandardCharsets.ISO_8859_1);
      if (head.length == STATUS_HEAD_BYTES) {
        // Whole lines only: the last one may go on past what was read.
        OptionalInt uid = realUidOf(text.substring(0, text.lastIndexOf('\n') + 1));
        if (uid.isPresent()) {
          return uid.getAsInt();
        }
        text += new String(status.readAllBytes(), StandardCharsets.ISO_8859_1);
      }
      return realUidOf(text).orElse(-1);
    } catch (IOException | RuntimeException gone) {
      // The process ended while it was read.
      return -1;
    }
  }

  /**
   * Returns the real user id a {@code /proc/PID/status} text gives, -1 for a process that has
   * ended and waits only to be reaped (its state comes first); empty when the text stops before
   * its {@code Uid:} line.
   */
  static OptionalInt realUidOf(String status) {
    for (String line : status.split("\n")) {
      if (line.startsWith("State:") && line.substring(6).strip().startsWith("Z")) {
        return OptionalInt.of(-1);
      }
      if (line.startsWith("Uid:")) {
        String[] ids = line.substring(4).strip().split("\\s+");
        return ids[0].isEmpty() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(ids[0]));
      }
    }
    return OptionalInt.empty();
  }

  /**
   * Ends every process of {@code uid} and returns how many were still alive when it began; tries a
   * few rounds, since a process may fork while the first signal is on its way.
   */
  int endAll(int uid) throws InterruptedException {
    int found = of(uid).size();
    for (int round = 0; round < 5 && !of(uid).isEmpty(); round++) {
      // kill -1 as the user signals every process of that user at once, its own aside.
      try {
        Process killer =
            new ProcessBuilder(
                  setpriv,
                  "--reuid=" + uid,
                  "--regid=" + uid,
                  "--clear-groups",
                  "--",
                  kill,
                  "-KILL",
                  "-1")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!killer.waitFor(5, TimeUnit.SECONDS)) {
          killer.destroyForcibly();
        }
      } catch (IOException noKill) {
        // The loop below ends them one by one instead.
      }
      for (long pid : of(uid)) {
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
      }
      waitUntilGone(uid);
    }
    return found;
  }

  /**
   * Waits up to two seconds for the user's processes to be gone. They are not the grader's
   * children, and {@code ProcessHandle.onExit} watches such a process by polling it every 300 ms
   * and more, which made a grade wait over a second for a worker that had long ended; a scan of
   * {@code /proc} every 10 ms sees the end at once.
   */
  private static void waitUntilGone(int uid) throws InterruptedException {
    long deadline = System.nanoTime() + GONE_WITHIN.toNanos();
    while (!of(uid).isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
  }
}
