package dev.awskit.grader.defendant;

import dev.awskit.grader.engine.Isolation;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Starts a defendant JVM ({@link DefendantMain}) for one submission, confined as it must be. */
@FunctionalInterface
public interface DefendantStarter {

  /**
   * Starts the defendant of the submission whose compiled classes are {@code classRoots} (folders
   * or jars, where the grader has them); its standard input and output are the judge's channel.
   */
  Started start(List<String> classRoots);

  /**
   * Returns how the defendants' code is kept apart from the grader; a starter that has to probe
   * the machine does it once, on the first call.
   */
  default Isolation isolation() {
    return Isolation.none();
  }

  /**
   * Holds one started defendant: its channel, what the submission prints, and where it finds the
   * submission's classes. Closing it ends the defendant and everything it started, and gives back
   * what was taken for it (its sandbox, its uid); nothing of the submission runs once it returns.
   */
  interface Started extends AutoCloseable {

    /** Returns the defendant's process. */
    Process process();

    /** Returns the stream the defendant answers on: its standard output. */
    default InputStream fromDefendant() {
      return process().getInputStream();
    }

    /** Returns the stream the judge calls the defendant on: its standard input. */
    default OutputStream toDefendant() {
      return process().getOutputStream();
    }

    /** Returns the defendant's standard error, where only its JVM writes. */
    default InputStream printed() {
      return process().getErrorStream();
    }

    /**
     * Returns the submission's class roots as the defendant reads them: the grader's own, or
     * copies in its sandbox when it cannot see the grader's.
     */
    List<String> classRoots();

    /**
     * Returns a folder that the judge and the defendant both reach under the same path, where the
     * hidden tests' temporary folders go, so that the files a test hands the submission are in its
     * reach; empty when the defendant reaches the judge's own temporary folder. The defendant may
     * replace the folder and what it holds, never the folder that holds it.
     */
    Optional<Path> sharedFolder();

    /** Ends the defendant and everything it started; nothing of it runs once this returns. */
    @Override
    void close();

    /**
     * Returns the handle of an unconfined {@code process} that reads the submission's classes at
     * {@code classRoots}, where the grader has them, and the grader's temporary folder.
     */
    static Started unconfined(Process process, List<String> classRoots) {
      List<String> roots = List.copyOf(classRoots);
      return new Started() {
        @Override
        public Process process() {
          return process;
        }

        @Override
        public List<String> classRoots() {
          return roots;
        }

        @Override
        public Optional<Path> sharedFolder() {
          return Optional.empty();
        }

        @Override
        public void close() {
          process.descendants().forEach(ProcessHandle::destroyForcibly);
          process.destroyForcibly();
          try {
            process.waitFor(5, TimeUnit.SECONDS);
          } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
          }
        }
      };
    }
  }
}
