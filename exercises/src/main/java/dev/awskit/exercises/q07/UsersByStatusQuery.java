package dev.awskit.exercises.q07;

import dev.awskit.exercises.NotImplementedYet;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Queries the users of one status, filtered by age, on an index. Question 7: complete it. */
public class UsersByStatusQuery implements UserQuery {

  private final DynamoDbClient dynamoDb;
  private final String tableName;

  /** Creates a query on the table {@code tableName}, reached through {@code dynamoDb}. */
  public UsersByStatusQuery(DynamoDbClient dynamoDb, String tableName) {
    this.dynamoDb = dynamoDb;
    this.tableName = tableName;
  }

  @Override
  public List<Map<String, AttributeValue>> usersWithStatus(String status, int minAge) {
    throw new NotImplementedYet(7);
  }
}
