// Variant: request objects throughout, scanPaginator(ScanRequest) walked page by page, catching DynamoDbException and SdkClientException.
package dev.awskit.solutions.q06;

import dev.awskit.exercises.q06.ItemStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
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
    if (item == null || item.isEmpty()) {
      throw new IllegalArgumentException("empty item");
    }
    try {
      dynamoDb.putItem(PutItemRequest.builder().tableName(tableName).item(item).build());
      return true;
    } catch (DynamoDbException | SdkClientException e) {
      return false;
    }
  }

  @Override
  public Optional<Map<String, AttributeValue>> get(Map<String, AttributeValue> key) {
    if (key == null || key.isEmpty()) {
      throw new IllegalArgumentException("empty key");
    }
    GetItemResponse response =
        dynamoDb.getItem(GetItemRequest.builder().tableName(tableName).key(key).build());
    if (!response.hasItem()) {
      return Optional.empty();
    }
    return Optional.of(response.item());
  }

  @Override
  public boolean delete(Map<String, AttributeValue> key) {
    if (key == null || key.isEmpty()) {
      throw new IllegalArgumentException("empty key");
    }
    try {
      dynamoDb.deleteItem(DeleteItemRequest.builder().tableName(tableName).key(key).build());
      return true;
    } catch (DynamoDbException | SdkClientException e) {
      return false;
    }
  }

  @Override
  public List<Map<String, AttributeValue>> scanAll() {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    for (ScanResponse page :
        dynamoDb.scanPaginator(ScanRequest.builder().tableName(tableName).build())) {
      items.addAll(page.items());
    }
    return items;
  }
}
