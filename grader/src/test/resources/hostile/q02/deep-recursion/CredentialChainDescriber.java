// Hostile: recurses without end (StackOverflowError) on every call.
package dev.awskit.solutions.q02;

import dev.awskit.exercises.q02.CredentialChain;
import dev.awskit.exercises.q02.CredentialSource;
import java.util.List;

/** Recurses until the stack overflows. */
public class CredentialChainDescriber implements CredentialChain {

  /** Creates the describer. */
  public CredentialChainDescriber() {}

  @Override
  public List<CredentialSource> sourcesInOrder() {
    return deeper(0);
  }

  private List<CredentialSource> deeper(long depth) {
    List<CredentialSource> found = deeper(depth + 1);
    return found.isEmpty() ? List.of() : found;
  }
}
