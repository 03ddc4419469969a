package dev.awskit.grader.distribution;

import dev.awskit.grader.engine.IsolationLevel;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import java.util.List;

/**
 * Holds the security settings a grading pod needs to reach one isolation level, and no more.
 *
 * <ul>
 *   <li>{@code jvm}: the restricted Pod Security Standard as it is: a non-root user, no
 *       capabilities, the runtime's default seccomp profile, a read-only root file system.
 *   <li>{@code uid}: root in the container with only the capabilities the grader uses to hand a
 *       worker its own uid ({@code setpriv}), its sandbox ({@code chown}) and to end that uid's
 *       processes ({@code kill}); still the default seccomp profile.
 *   <li>{@code os}: a non-root user again, but with seccomp and AppArmor unconfined, since the
 *       runtimes' default profiles refuse the user namespaces bubblewrap creates; the node's
 *       kernel must allow unprivileged user namespaces.
 * </ul>
 *
 * @param pod the pod's security context
 * @param container the grader container's security context
 */
record PodSecurity(PodSecurityContext pod, SecurityContext container) {

  /** Names the unprivileged user the image runs as by default. */
  static final long IMAGE_USER = 65532;

  private static final List<String> UID_CAPABILITIES =
      List.of("SETUID", "SETGID", "CHOWN", "FOWNER", "DAC_OVERRIDE", "KILL");

  /** Returns the settings for {@code level}. */
  static PodSecurity of(IsolationLevel level) {
    return switch (level) {
      case JVM, NONE -> nonRoot("RuntimeDefault", false);
      case OS -> nonRoot("Unconfined", true);
      case UID ->
          new PodSecurity(
              new PodSecurityContextBuilder()
                  .withRunAsUser(0L)
                  .withRunAsGroup(0L)
                  .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
                  .build(),
              new SecurityContextBuilder()
                  .withAllowPrivilegeEscalation(false)
                  .withReadOnlyRootFilesystem(true)
                  .withNewCapabilities().withDrop("ALL").withAdd(UID_CAPABILITIES).endCapabilities()
                  .build());
    };
  }

  private static PodSecurity nonRoot(String profile, boolean appArmorUnconfined) {
    PodSecurityContextBuilder pod =
        new PodSecurityContextBuilder()
            .withRunAsNonRoot(true)
            .withRunAsUser(IMAGE_USER)
            .withRunAsGroup(IMAGE_USER)
            .withFsGroup(IMAGE_USER)
            .withNewSeccompProfile().withType(profile).endSeccompProfile();
    if (appArmorUnconfined) {
      pod.withNewAppArmorProfile().withType("Unconfined").endAppArmorProfile();
    }
    return new PodSecurity(
        pod.build(),
        new SecurityContextBuilder()
            .withAllowPrivilegeEscalation(false)
            .withReadOnlyRootFilesystem(true)
            .withNewCapabilities().withDrop("ALL").endCapabilities()
            .build());
  }
}
