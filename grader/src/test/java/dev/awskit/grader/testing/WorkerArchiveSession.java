package dev.awskit.grader.testing;

import dev.awskit.grader.cli.GraderCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Runs the grader's {@code prepare} once per test JVM before the first test, when the system
 * property {@value #PROPERTY} is {@code make} (as {@code grader/pom.xml} sets it for Surefire), so
 * that the confined workers and defendants of the build's tests map a class-data archive as an
 * installed grader's do. The archive is made once per build's classes; the next test JVM of the
 * same build finds it, or waits while another makes it. Set the property to {@code off} to run a
 * test without it.
 */
public final class WorkerArchiveSession implements LauncherSessionListener {

  /** Names the system property that asks for the archive. */
  public static final String PROPERTY = "awskit.test.workerArchive";

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    if (!"make".equals(System.getProperty(PROPERTY))) {
      return;
    }
    StringWriter said = new StringWriter();
    int exit =
        new GraderCli(
                new PrintWriter(said, true),
                new PrintWriter(said, true),
                Clock.systemUTC(),
                Path.of("").toAbsolutePath())
            .execute("prepare");
    // The tests grade as well without the archive, only slower; IsolationCommandTest fails when
    // prepare does.
    System.out.printf("%s (prepare ended with exit code %d): %s%n", PROPERTY, exit, said);
  }
}
