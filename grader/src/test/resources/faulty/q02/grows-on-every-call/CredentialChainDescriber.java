// Faulty: adds the sources to a list it keeps, so every call returns a longer list.
package dev.awskit.solutions.q02;

import static dev.awskit.exercises.q02.CredentialSource.CONTAINER_CREDENTIALS;
import static dev.awskit.exercises.q02.CredentialSource.ENVIRONMENT_VARIABLES;
import static dev.awskit.exercises.q02.CredentialSource.INSTANCE_PROFILE;
import static dev.awskit.exercises.q02.CredentialSource.PROFILE_FILES;
import static dev.awskit.exercises.q02.CredentialSource.SYSTEM_PROPERTIES;
import static dev.awskit.exercises.q02.CredentialSource.WEB_IDENTITY_TOKEN;

import dev.awskit.exercises.q02.CredentialChain;
import dev.awskit.exercises.q02.CredentialSource;
import java.util.ArrayList;
import java.util.List;

public class CredentialChainDescriber implements CredentialChain {

  private final List<CredentialSource> chain = new ArrayList<>();

  public CredentialChainDescriber() {}

  @Override
  public List<CredentialSource> sourcesInOrder() {
    chain.add(SYSTEM_PROPERTIES);
    chain.add(ENVIRONMENT_VARIABLES);
    chain.add(WEB_IDENTITY_TOKEN);
    chain.add(PROFILE_FILES);
    chain.add(CONTAINER_CREDENTIALS);
    chain.add(INSTANCE_PROFILE);
    return chain;
  }
}
