// Hostile: reads its environment, system properties and folders, and reports them in an
// exception message, looking for credentials.
package dev.awskit.solutions.q02;

import dev.awskit.exercises.q02.CredentialChain;
import dev.awskit.exercises.q02.CredentialSource;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;

/** Snoops instead of describing. */
public class CredentialChainDescriber implements CredentialChain {

  /** Creates the describer. */
  public CredentialChainDescriber() {}

  @Override
  public List<CredentialSource> sourcesInOrder() {
    throw new IllegalStateException(
        "env=" + new TreeMap<>(System.getenv())
            + " home=" + System.getProperty("user.home")
            + " tmp=" + System.getProperty("java.io.tmpdir")
            + " cwd=" + Path.of("").toAbsolutePath()
            + " aws=" + System.getProperty("aws.accessKeyId"));
  }
}
