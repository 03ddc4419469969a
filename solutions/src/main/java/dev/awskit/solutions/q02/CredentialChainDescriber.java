package dev.awskit.solutions.q02;

import static dev.awskit.exercises.q02.CredentialSource.CONTAINER_CREDENTIALS;
import static dev.awskit.exercises.q02.CredentialSource.ENVIRONMENT_VARIABLES;
import static dev.awskit.exercises.q02.CredentialSource.INSTANCE_PROFILE;
import static dev.awskit.exercises.q02.CredentialSource.PROFILE_FILES;
import static dev.awskit.exercises.q02.CredentialSource.SYSTEM_PROPERTIES;
import static dev.awskit.exercises.q02.CredentialSource.WEB_IDENTITY_TOKEN;

import dev.awskit.exercises.q02.CredentialChain;
import dev.awskit.exercises.q02.CredentialSource;
import java.util.List;

/** Describes the default credentials provider chain of the AWS SDK for Java v2. */
public class CredentialChainDescriber implements CredentialChain {

  // The order DefaultCredentialsProvider builds its chain in; CredentialChainDescriberTest
  // checks it against the SDK on the class path.
  private static final List<CredentialSource> DEFAULT_CHAIN =
      List.of(
          SYSTEM_PROPERTIES,
          ENVIRONMENT_VARIABLES,
          WEB_IDENTITY_TOKEN,
          PROFILE_FILES,
          CONTAINER_CREDENTIALS,
          INSTANCE_PROFILE);

  /** Creates the describer; it needs no AWS client. */
  public CredentialChainDescriber() {}

  @Override
  public List<CredentialSource> sourcesInOrder() {
    return DEFAULT_CHAIN;
  }
}
