package dev.awskit.exercises.q01;

import dev.awskit.exercises.Exercise;
import java.util.Map;

/**
 * Explains the two ways of calling AWS from Java: the service clients and the high-level
 * libraries built on top of them.
 *
 * <p>boto3 has <em>clients</em> and <em>resources</em>. The AWS SDK for Java v2 has no
 * resources: its counterpart is a set of high-level libraries such as the DynamoDB Enhanced
 * Client and the S3 Transfer Manager. This question asks for that comparison, in your own words.
 *
 * <h2>Contract</h2>
 *
 * <p>The rules are numbered (1.2 is rule 2 of question 1); each hidden test
 * names the rules it checks.
 *
 * <ul>
 *   <li><b>1.1</b> {@link #explain()} returns a map with exactly four keys: {@value #CLIENT},
 *       {@value #RESOURCE}, {@value #CLIENT_ADVANTAGE} and {@value #RESOURCE_ADVANTAGE} (the
 *       constants below), and no other key.
 *   <li><b>1.2</b> Every value is a non-blank sentence or two of plain English.
 *   <li><b>1.3</b> {@value #CLIENT}: what a service client such as {@code S3Client} or
 *       {@code DynamoDbClient} is and when you would use it.
 *   <li><b>1.4</b> {@value #RESOURCE}: what the high-level libraries (the SDK v2 counterpart of
 *       boto3's resources) are and when you would use them.
 *   <li><b>1.5</b> {@value #CLIENT_ADVANTAGE} and {@value #RESOURCE_ADVANTAGE}: one real
 *       advantage of each approach.
 *   <li><b>1.6</b> The two advantages must differ, as must the two descriptions.
 *   <li><b>1.7</b> No AWS call is made; the answer is the same on every call.
 * </ul>
 *
 * <p>Grading reads your sentences for the key ideas (for instance, what level of abstraction
 * each style works at), accepting many wordings; it does not look for one exact phrase.
 */
@Exercise(
    number = 1,
    title = "Service clients and high-level libraries",
    implementation = "ClientStylesExplainer")
public interface ClientStyles {

  /** Names the answer that describes a service client. */
  String CLIENT = "client";

  /** Names the answer that describes the high-level libraries (boto3's "resources"). */
  String RESOURCE = "resource";

  /** Names the answer that gives one advantage of a service client. */
  String CLIENT_ADVANTAGE = "client_advantage";

  /** Names the answer that gives one advantage of the high-level libraries. */
  String RESOURCE_ADVANTAGE = "resource_advantage";

  /**
   * Returns the four explanations, keyed by {@link #CLIENT}, {@link #RESOURCE},
   * {@link #CLIENT_ADVANTAGE} and {@link #RESOURCE_ADVANTAGE}.
   *
   * @return a map with exactly those four keys, each mapped to non-blank text
   */
  Map<String, String> explain();
}
