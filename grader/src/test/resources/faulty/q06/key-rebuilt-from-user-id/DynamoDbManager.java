// Faulty: rebuilds every key from its user_id attribute, dropping the rest of a composite key.
package dev.awskit.solutions.q06;

import dev.awskit.exercises.q06.ItemStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

public class DynamoDbManager implements ItemStore {

  private final DynamoDbClient dynamoDb;
  private final String tableName;

  /** Creates a store for the table {@code tableName}, reached through {@code dynamoDb}. */
  public DynamoDbManager(DynamoDbClient dynamoDb, String tableName) {
    this.dynamoDb = dynamoDb;
    this.tableName = tableName;
  }

  @Override
  public boolean put(Map<String, AttributeValue> item) {
    requireNotEmpty(item, "item");
    try {
      dynamoDb.putItem(request -> request.tableName(tableName).item(item));
      return true;
    } catch (SdkException failed) {
      return false;
    }
  }

  @Override
  public Optional<Map<String, AttributeValue>> get(Map<String, AttributeValue> key) {
    requireNotEmpty(key, "key");
    GetItemResponse response = dynamoDb.getItem(request -> request.tableName(tableName).key(Map.of("user_id", key.get("user_id"))));
    // item() is never null: without an item it is an empty "auto-construct" map, so ask hasItem().
    return response.hasItem() ? Optional.of(response.item()) : Optional.empty();
  }

  @Override
  public boolean delete(Map<String, AttributeValue> key) {
    requireNotEmpty(key, "key");
    try {
      dynamoDb.deleteItem(request -> request.tableName(tableName).key(Map.of("user_id", key.get("user_id"))));
      return true;
    } catch (SdkException failed) {
      return false;
    }
  }

  @Override
  public List<Map<String, AttributeValue>> scanAll() {
    // The paginator sends LastEvaluatedKey back as ExclusiveStartKey until the last page.
    return dynamoDb.scanPaginator(request -> request.tableName(tableName)).items().stream()
        .toList();
  }

  private static void requireNotEmpty(Map<String, AttributeValue> attributes, String what) {
    if (attributes == null || attributes.isEmpty()) {
      throw new IllegalArgumentException(what + " must hold at least one attribute");
    }
  }
}
