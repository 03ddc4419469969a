// Faulty: puts environment variables before Java system properties, as a boto3 habit would.
package dev.awskit.solutions.q02;

import static dev.awskit.exercises.q02.CredentialSource.*;

import dev.awskit.exercises.q02.CredentialChain;
import dev.awskit.exercises.q02.CredentialSource;
import java.util.List;

public class CredentialChainDescriber implements CredentialChain {

  public CredentialChainDescriber() {}

  @Override
  public List<CredentialSource> sourcesInOrder() {
    return List.of(ENVIRONMENT_VARIABLES, SYSTEM_PROPERTIES, WEB_IDENTITY_TOKEN, PROFILE_FILES, CONTAINER_CREDENTIALS, INSTANCE_PROFILE);
  }
}
