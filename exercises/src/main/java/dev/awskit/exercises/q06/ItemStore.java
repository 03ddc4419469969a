package dev.awskit.exercises.q06;

import dev.awskit.exercises.Exercise;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Stores, reads, deletes and lists the items of one DynamoDB table through the low-level
 * {@link DynamoDbClient}.
 *
 * <p>The rules are numbered (6.2 is rule 2 of question 6); each hidden test
 * names the rules it checks.
 *
 * <p><b>Constructor.</b> <b>6.1</b> The implementation has a public constructor
 * {@code (DynamoDbClient dynamoDb, String tableName)}. It keeps both and calls nothing; every
 * request the class sends names {@code tableName} as its {@code TableName}. The tests always pass
 * a valid table name.
 *
 * <p><b>Items and keys</b> are maps from attribute name to {@link AttributeValue}, as the SDK
 * sends them: {@code Map.of("user_id", AttributeValue.fromS("u1"), "age",
 * AttributeValue.fromN("42"))}. A key holds the table's primary-key attributes only.
 * <b>6.2</b> Items and keys are sent as given, never rewritten.
 *
 * <p><b>Failures.</b> <b>6.3</b> The writes report a failure through their {@code boolean} result,
 * as the original exercise asked. The reads cannot: an empty result must mean "no such item" or
 * "the table is empty", never "DynamoDB could not be asked". <b>6.4</b> So {@link #get} and
 * {@link #scanAll} let
 * the SDK's exception ({@code DynamoDbException}, {@code SdkClientException}, any
 * {@code SdkException}) propagate to the caller: do not catch it there.
 *
 * <p><b>Bad arguments.</b> <b>6.5</b> A {@code null} or empty item or key is refused with an
 * {@link IllegalArgumentException} before anything is sent.
 */
@Exercise(
    number = 6,
    title = "DynamoDB put, get, delete and scan",
    implementation = "DynamoDbManager",
    constructor = {DynamoDbClient.class, String.class})
public interface ItemStore {

  /**
   * <b>6.6</b> Adds {@code item} to the table, replacing any item with the same key, with one
   * {@code PutItem} request.
   *
   * @param item the attributes of the item, its key attributes included
   * @return <b>6.7</b> {@code true} when DynamoDB stored the item; {@code false} when the request
   *     failed with any {@code SdkException} (a {@code DynamoDbException} from the service or an
   *     {@code SdkClientException}), which is not rethrown
   * @throws IllegalArgumentException if {@code item} is {@code null} or empty
   */
  boolean put(Map<String, AttributeValue> item);

  /**
   * <b>6.8</b> Returns the item with the given key, read with one {@code GetItem} request.
   *
   * <p><b>6.9</b> A key that has no item gives {@link Optional#empty()}: the {@code GetItem}
   * response carries no item at all then ({@code GetItemResponse.hasItem()} is {@code false}).
   * Strongly consistent reads are not required.
   *
   * @param key the primary-key attributes of the item
   * @return the item's attributes, or empty when the table has no item with that key
   * @throws IllegalArgumentException if {@code key} is {@code null} or empty
   * @throws software.amazon.awssdk.core.exception.SdkException unchanged, when the request fails
   */
  Optional<Map<String, AttributeValue>> get(Map<String, AttributeValue> key);

  /**
   * <b>6.10</b> Deletes the item with the given key with one {@code DeleteItem} request.
   *
   * @param key the primary-key attributes of the item
   * @return <b>6.11</b> {@code true} when DynamoDB accepted the request, whether or not such an
   *     item existed (deleting is idempotent); {@code false} when the request failed with any
   *     {@code SdkException}, which is not rethrown
   * @throws IllegalArgumentException if {@code key} is {@code null} or empty
   */
  boolean delete(Map<String, AttributeValue> key);

  /**
   * Returns every item of the table, read with {@code Scan}.
   *
   * <p>One {@code Scan} response holds at most 1 MB of items. When there is more, the response's
   * {@code LastEvaluatedKey} is set. <b>6.12</b> The next request must send it back as
   * {@code ExclusiveStartKey}; the scan is complete only when a response comes without
   * {@code LastEvaluatedKey}. A page may be empty and still have a {@code LastEvaluatedKey}. Use
   * the SDK's paginator ({@code scanPaginator}) or write that loop yourself.
   *
   * @return <b>6.13</b> all items, page after page in the order DynamoDB returned them; an empty
   *     list for an empty table
   * @throws software.amazon.awssdk.core.exception.SdkException <b>6.14</b> unchanged, when any
   *     page fails, the first or a later one (then no partial list is returned)
   */
  List<Map<String, AttributeValue>> scanAll();
}
