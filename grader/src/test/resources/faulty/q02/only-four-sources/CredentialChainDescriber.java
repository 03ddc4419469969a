// Faulty: lists only four sources, fewer than the five the contract asks for.
package dev.awskit.solutions.q02;

import static dev.awskit.exercises.q02.CredentialSource.*;

import dev.awskit.exercises.q02.CredentialChain;
import dev.awskit.exercises.q02.CredentialSource;
import java.util.List;

public class CredentialChainDescriber implements CredentialChain {

  public CredentialChainDescriber() {}

  @Override
  public List<CredentialSource> sourcesInOrder() {
    return List.of(SYSTEM_PROPERTIES, ENVIRONMENT_VARIABLES, PROFILE_FILES, INSTANCE_PROFILE);
  }
}
