// Faulty: checks the EC2 instance profile (IMDS) before container credentials.
package dev.awskit.solutions.q02;

import static dev.awskit.exercises.q02.CredentialSource.*;

import dev.awskit.exercises.q02.CredentialChain;
import dev.awskit.exercises.q02.CredentialSource;
import java.util.List;

public class CredentialChainDescriber implements CredentialChain {

  public CredentialChainDescriber() {}

  @Override
  public List<CredentialSource> sourcesInOrder() {
    return List.of(SYSTEM_PROPERTIES, ENVIRONMENT_VARIABLES, WEB_IDENTITY_TOKEN, PROFILE_FILES, INSTANCE_PROFILE, CONTAINER_CREDENTIALS);
  }
}
