package dev.awskit.exercises.q07;

import dev.awskit.exercises.Exercise;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Finds the users with a given status and a minimum age, with a DynamoDB {@code Query} on a
 * global secondary index.
 *
 * <p><b>The table.</b> Its primary key is {@code user_id} (a string). Its items hold
 * {@code user_id}, {@code name} and {@code status} as strings ({@code S}) and {@code age} as a
 * number ({@code N}). A global secondary index named {@value #INDEX_NAME} has {@code status} as
 * its partition key.
 *
 * <p>The rules are numbered (7.2 is rule 2 of question 7); each hidden test
 * names the rules it checks.
 *
 * <p><b>Constructor.</b> <b>7.1</b> The implementation has a public constructor
 * {@code (DynamoDbClient dynamoDb, String tableName)}. It keeps both and calls nothing; every
 * request names {@code tableName} as its {@code TableName}. The tests always pass a valid name.
 *
 * <p><b>The request.</b> <b>7.2</b> A {@code Query} on the index {@value #INDEX_NAME}:
 *
 * <ul>
 *   <li><b>7.3</b> its {@code KeyConditionExpression} selects the items whose {@code status} equals
 *       the {@code status} argument, a string value;
 *   <li><b>7.4</b> its {@code FilterExpression} keeps the items whose {@code age} is greater than
 *       or equal to {@code minAge}, a number value;
 *   <li><b>7.5</b> values reach the expressions only through {@code ExpressionAttributeValues}
 *       ({@code :placeholders}).
 *   <li><b>7.6</b> Any attribute name that is a DynamoDB reserved word must be
 *       written as a {@code #placeholder} defined in {@code ExpressionAttributeNames}, or DynamoDB
 *       rejects the request. {@code status} is a reserved word (as are {@code name},
 *       {@code date} and {@code count}; {@code age} is not).
 *   <li><b>7.7</b> Every placeholder you define must be used, or DynamoDB rejects the request
 *       too. Placeholder names and the order of the operands are yours to choose.
 * </ul>
 *
 * <p><b>Pages.</b> A {@code Query} response holds at most 1 MB of items, counted before the filter
 * is applied, so a page may even be empty. <b>7.8</b> While a response has a {@code
 * LastEvaluatedKey}, the next request sends it back as {@code ExclusiveStartKey} with the same
 * expressions. Use the SDK's paginator ({@code queryPaginator}) or write that loop yourself.
 *
 * <p><b>Failures.</b> An empty list means "no such users", so a failure must not look like one.
 * <b>7.9</b> The SDK's exception ({@code DynamoDbException}, {@code SdkClientException}, any
 * {@code SdkException}) propagates to the caller, and no partial list is returned, whichever page
 * fails.
 */
@Exercise(
    number = 7,
    title = "DynamoDB query on a secondary index with a filter",
    implementation = "UsersByStatusQuery",
    constructor = {DynamoDbClient.class, String.class})
public interface UserQuery {

  /** The name of the global secondary index whose partition key is {@code status}. */
  String INDEX_NAME = "status-index";

  /**
   * Returns every user whose {@code status} equals {@code status} and whose {@code age} is at
   * least {@code minAge}.
   *
   * @param status the status to match exactly (case matters), not blank
   * @param minAge the smallest age to keep, inclusive; {@code 0} or more
   * @return <b>7.10</b> the matching items from all pages, in the order DynamoDB returned them; an
   *     empty list when no user matches
   * @throws IllegalArgumentException <b>7.11</b> if {@code status} is {@code null} or blank or
   *     {@code minAge} is negative; nothing is sent then
   * @throws software.amazon.awssdk.core.exception.SdkException unchanged, when a request fails
   */
  List<Map<String, AttributeValue>> usersWithStatus(String status, int minAge);
}
