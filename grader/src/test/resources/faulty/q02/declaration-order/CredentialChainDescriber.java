// Faulty: returns the enum's declaration order, which is alphabetical, not the SDK's.
package dev.awskit.solutions.q02;

import static dev.awskit.exercises.q02.CredentialSource.*;

import dev.awskit.exercises.q02.CredentialChain;
import dev.awskit.exercises.q02.CredentialSource;
import java.util.List;

public class CredentialChainDescriber implements CredentialChain {

  public CredentialChainDescriber() {}

  @Override
  public List<CredentialSource> sourcesInOrder() {
    return List.of(CredentialSource.values());
  }
}
