package dev.awskit.grader.defendant;

import dev.awskit.grader.engine.HiddenTestLauncher;
import dev.awskit.grader.engine.Isolation;
import dev.awskit.grader.engine.RunRequest;
import dev.awskit.grader.engine.SubmissionRunner;
import dev.awskit.grader.engine.TestEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.DirectoryStream;
import java.nio.file.LinkOption;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.io.TempDirFactory;
import org.junit.platform.engine.CancellationToken;
import org.junit.platform.launcher.TestExecutionListener;

/**
 * Runs the hidden tests in this JVM, the judge, against a submission whose code runs in a
 * defendant JVM of its own: the submission's code never shares a JVM with JUnit, the tests or the
 * doubles, so it cannot change how they judge it.
 */
public final class DefendantRunner implements SubmissionRunner {

  /**
   * Names the configuration parameter of the folder the tests' temporary folders go in, one the
   * defendant reaches under the same path ({@link SharedTestFolders}).
   */
  static final String SHARED_FOLDER_PARAMETER = "awskit.defendant.sharedFolder";

  private final DefendantStarter starter;

  /** Creates a runner that starts each submission's defendant with {@code starter}. */
  public DefendantRunner(DefendantStarter starter) {
    this.starter = starter;
  }

  /** Returns the isolation of the defendants, where the submission's code runs. */
  @Override
  public Isolation isolation() {
    return starter.isolation();
  }

  @Override
  public void run(RunRequest request, Consumer<TestEvent> events) {
    if (request.testClasses().isEmpty()) {
      return;
    }
    try (DefendantStarter.Started started = starter.start(request.classRoots())) {
      Thread printed = drain(started.printed());
      // While the defendant's JVM starts.
      HiddenTestLauncher.warmUp(request.warmUpTypes());
      try (Defendant defendant = Defendant.over(started.fromDefendant(), started.toDefendant());
          HiddenTestLauncher launcher = new HiddenTestLauncher(System::nanoTime)) {
        launcher.hostSubmissions(defendant);
        launcher.run(
            asSeenBy(started, request),
            Set.of(),
            true,
            CancellationToken.disabled(),
            new TestExecutionListener() {},
            events);
      } finally {
        printed.interrupt();
      }
    }
  }

  /**
   * Returns {@code request} with the submission's classes where the defendant reads them, and the
   * tests' temporary folders in the folder it shares with the judge, if any.
   */
  private static RunRequest asSeenBy(DefendantStarter.Started started, RunRequest request) {
    Map<String, String> parameters = new LinkedHashMap<>(request.parameters());
    started
        .sharedFolder()
        .ifPresent(
            folder -> {
              parameters.put(
                  TempDir.DEFAULT_FACTORY_PROPERTY_NAME, SharedTestFolders.class.getName());
              parameters.put(SHARED_FOLDER_PARAMETER, folder.toString());
            });
    return new RunRequest(
        started.classRoots(),
        request.testClasses(),
        request.timeLimitMillis(),
        parameters,
        request.warmUpTypes(),
        request.freshWorker());
  }

  /** Reads what the submission printed, so that a full pipe never stops it; nothing is kept yet. */
  private static Thread drain(InputStream printed) {
    Thread reader =
        new Thread(
            () -> {
              try (printed) {
                printed.transferTo(OutputStream.nullOutputStream());
              } catch (IOException ended) {
                // The process ended.
              }
            },
            "awskit-defendant-output");
    reader.setDaemon(true);
    reader.start();
    return reader;
  }

  /**
   * Creates the hidden tests' temporary folders ({@code @TempDir}) in the folder that {@value
   * #SHARED_FOLDER_PARAMETER} names, owned by that folder's owner: the files a test writes there
   * and hands the submission are in the defendant's reach, as they were when the tests ran beside
   * the submission, even when the defendant runs as a uid of its own.
   */
  public static final class SharedTestFolders implements TempDirFactory {

    /** Creates the factory; JUnit calls it by name. */
    public SharedTestFolders() {}

    @Override
    public Path createTempDirectory(AnnotatedElementContext element, ExtensionContext context)
        throws Exception {
      Optional<String> shared = context.getConfigurationParameter(SHARED_FOLDER_PARAMETER);
      if (shared.isEmpty()) {
        return TempDirFactory.Standard.INSTANCE.createTempDirectory(element, context);
      }
      Path parent = Path.of(shared.get());
      if (!Files.isDirectory(parent, LinkOption.NOFOLLOW_LINKS)) {
        // The defendant may rename what it owns, and put a link in the folder's place.
        throw new IOException(
            "The folder the tests share with the submission's code, " + parent
                + ", was moved or replaced by something other than a folder");
      }
      Path folder = Files.createTempDirectory(parent, "junit");
      handOver(parent, folder.getFileName());
      return folder;
    }

    /**
     * Gives the folder {@code name} in {@code shared} to the owner of {@code shared}, when they
     * differ (a judge that runs as root, a defendant as a uid of its own). The defendant may
     * rename what it owns while this runs, so no path under {@code shared} is followed twice:
     * each folder is opened from the one above it without following a link, and the owner is
     * changed on the open folder, never on a name that could have become a link in the meantime.
     * The parent of {@code shared}, the defendant's sandbox, is one it cannot replace.
     */
    private static void handOver(Path shared, Path name) throws IOException {
      try (DirectoryStream<Path> sandbox = Files.newDirectoryStream(shared.getParent())) {
        if (!(sandbox instanceof SecureDirectoryStream<Path> opened)) {
          // No system without it confines a defendant as a uid of its own.
          return;
        }
        try (SecureDirectoryStream<Path> sharing =
                opened.newDirectoryStream(shared.getFileName(), LinkOption.NOFOLLOW_LINKS);
            SecureDirectoryStream<Path> made =
                sharing.newDirectoryStream(name, LinkOption.NOFOLLOW_LINKS)) {
          UserPrincipal owner =
              sharing.getFileAttributeView(PosixFileAttributeView.class).readAttributes().owner();
          PosixFileAttributeView view = made.getFileAttributeView(PosixFileAttributeView.class);
          if (!owner.equals(view.readAttributes().owner())) {
            view.setOwner(owner);
          }
        }
      }
    }
  }
}
