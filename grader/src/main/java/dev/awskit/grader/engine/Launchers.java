package dev.awskit.grader.engine;

import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherFactory;

/** Creates JUnit Platform launchers that ignore whatever listeners the class path registers. */
final class Launchers {

  private Launchers() {}

  /** Creates a launcher with the engines found on the class path and no auto-registered extras. */
  static Launcher create() {
    return LauncherFactory.create(
        LauncherConfig.builder()
            .enableLauncherSessionListenerAutoRegistration(false)
            .enableLauncherDiscoveryListenerAutoRegistration(false)
            .enableTestExecutionListenerAutoRegistration(false)
            .enablePostDiscoveryFilterAutoRegistration(false)
            .build());
  }
}
