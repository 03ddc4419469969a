package dev.awskit.grader.engine;

import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherFactory;

/** Creates JUnit Platform launchers that ignore whatever listeners the class path registers. */
final class Launchers {

  private static final LauncherConfig CONFIG =
      LauncherConfig.builder()
          .enableLauncherSessionListenerAutoRegistration(false)
          .enableLauncherDiscoveryListenerAutoRegistration(false)
          .enableTestExecutionListenerAutoRegistration(false)
          .enablePostDiscoveryFilterAutoRegistration(false)
          .build();

  private Launchers() {}

  /** Creates a launcher with the engines found on the class path and no auto-registered extras. */
  static Launcher create() {
    return LauncherFactory.create(CONFIG);
  }

  /**
   * Opens a session whose launcher serves any number of launches with the engines it found once.
   * A launcher from {@link #create} opens a session of its own for every launch, and each looks
   * for the test engines on the whole class path again.
   */
  static LauncherSession openSession() {
    return LauncherFactory.openSession(CONFIG);
  }
}
