// Variant: a hand-written Scan loop on hasLastEvaluatedKey, and an empty item map read as no item.
package dev.awskit.solutions.q06;

import dev.awskit.exercises.q06.ItemStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

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
    GetItemResponse response = dynamoDb.getItem(request -> request.tableName(tableName).key(key));
    // item() is never null: without an item it is an empty "auto-construct" map, so ask hasItem().
    return response.item().isEmpty() ? Optional.empty() : Optional.of(response.item());
  }

  @Override
  public boolean delete(Map<String, AttributeValue> key) {
    requireNotEmpty(key, "key");
    try {
      dynamoDb.deleteItem(request -> request.tableName(tableName).key(key));
      return true;
    } catch (SdkException failed) {
      return false;
    }
  }

  @Override
  public List<Map<String, AttributeValue>> scanAll() {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    Map<String, AttributeValue> startKey = null;
    do {
      ScanRequest.Builder request = ScanRequest.builder().tableName(tableName);
      if (startKey != null) {
        request.exclusiveStartKey(startKey);
      }
      ScanResponse page = dynamoDb.scan(request.build());
      items.addAll(page.items());
      startKey = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
    } while (startKey != null);
    return items;
  }

  private static void requireNotEmpty(Map<String, AttributeValue> attributes, String what) {
    if (attributes == null || attributes.isEmpty()) {
      throw new IllegalArgumentException(what + " must hold at least one attribute");
    }
  }
}
