// Variant: a hand-written Scan loop over ExclusiveStartKey, Consumer-style writes, get through item().
package dev.awskit.solutions.q06;

import dev.awskit.exercises.q06.ItemStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

public class DynamoDbManager implements ItemStore {

  private final DynamoDbClient dynamoDb;
  private final String tableName;

  public DynamoDbManager(DynamoDbClient dynamoDb, String tableName) {
    this.dynamoDb = dynamoDb;
    this.tableName = tableName;
  }

  @Override
  public boolean put(Map<String, AttributeValue> item) {
    check(item);
    try {
      dynamoDb.putItem(b -> b.tableName(tableName).item(item));
    } catch (SdkException e) {
      return false;
    }
    return true;
  }

  @Override
  public Optional<Map<String, AttributeValue>> get(Map<String, AttributeValue> key) {
    check(key);
    Map<String, AttributeValue> item =
        dynamoDb.getItem(b -> b.tableName(tableName).key(key).consistentRead(true)).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
  }

  @Override
  public boolean delete(Map<String, AttributeValue> key) {
    check(key);
    try {
      dynamoDb.deleteItem(b -> b.tableName(tableName).key(key));
    } catch (SdkException e) {
      return false;
    }
    return true;
  }

  @Override
  public List<Map<String, AttributeValue>> scanAll() {
    List<Map<String, AttributeValue>> all = new ArrayList<>();
    Map<String, AttributeValue> startKey = null;
    do {
      Map<String, AttributeValue> from = startKey;
      ScanResponse page =
          dynamoDb.scan(b -> b.tableName(tableName).exclusiveStartKey(from));
      all.addAll(page.items());
      startKey = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
    } while (startKey != null);
    return all;
  }

  private static void check(Map<String, AttributeValue> attributes) {
    if (attributes == null || attributes.isEmpty()) {
      throw new IllegalArgumentException("need at least one attribute");
    }
  }
}
