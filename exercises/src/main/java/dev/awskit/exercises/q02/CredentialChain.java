package dev.awskit.exercises.q02;

import dev.awskit.exercises.Exercise;
import java.util.List;

/**
 * Describes the default credentials provider chain of the AWS SDK for Java v2.
 *
 * <p>A client built without an explicit credentials provider uses
 * {@code DefaultCredentialsProvider}. It tries a fixed list of sources, one after the other,
 * and uses the first that yields credentials. boto3 has a chain of its own, in a different
 * order; this question is about the Java SDK.
 *
 * <h2>Contract</h2>
 *
 * <p>The rules are numbered (2.2 is rule 2 of question 2); each hidden test
 * names the rules it checks.
 *
 * <ul>
 *   <li><b>2.1</b> {@link #sourcesInOrder()} returns the sources the default chain checks, first
 *       checked first, as {@link CredentialSource} constants.
 *   <li><b>2.2</b> The list holds at least five sources; it may leave out at most one of the six.
 *   <li><b>2.3</b> Every source appears at most once; the list holds no {@code null}.
 *   <li><b>2.4</b> The sources listed appear in the same relative order as in the SDK's chain.
 *   <li><b>2.5</b> No AWS call is made and no credentials are read; the answer is the same on every
 *       call.
 * </ul>
 */
@Exercise(
    number = 2,
    title = "The default credentials provider chain",
    implementation = "CredentialChainDescriber")
public interface CredentialChain {

  /**
   * Returns the credential sources in the order the SDK's default chain checks them.
   *
   * @return at least five distinct sources, first checked first
   */
  List<CredentialSource> sourcesInOrder();
}
