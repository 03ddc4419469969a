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
 * <ul>
 *   <li>{@link #explain()} returns a map with exactly four keys: {@value #CLIENT},
 *       {@value #RESOURCE}, {@value #CLIENT_ADVANTAGE} and {@value #RESOURCE_ADVANTAGE} (the
 *       constants below), and no other key.
 *   <li>Every value is a non-blank sentence or two of plain English.
 *   <li>{@value #CLIENT}: what a service client such as {@code S3Client} or
 *       {@code DynamoDbClient} is and when you would use it.
 *   <li>{@value #RESOURCE}: what the high-level libraries (the SDK v2 counterpart of boto3's
 *       resources) are and when you would use them.
 *   <li>{@value #CLIENT_ADVANTAGE} and {@value #RESOURCE_ADVANTAGE}: one real advantage of
 *       each approach; the two advantages must differ, as must the two descriptions.
 *   <li>No AWS call is made; the answer is the same on every call.
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
