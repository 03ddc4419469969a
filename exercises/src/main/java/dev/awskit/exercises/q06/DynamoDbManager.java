package dev.awskit.exercises.q06;

import dev.awskit.exercises.NotImplementedYet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Puts, gets, deletes and scans the items of one DynamoDB table. Question 6: complete it. */
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
    throw new NotImplementedYet(6);
  }

  @Override
  public Optional<Map<String, AttributeValue>> get(Map<String, AttributeValue> key) {
    throw new NotImplementedYet(6);
  }

  @Override
  public boolean delete(Map<String, AttributeValue> key) {
    throw new NotImplementedYet(6);
  }

  @Override
  public List<Map<String, AttributeValue>> scanAll() {
    throw new NotImplementedYet(6);
  }
}
