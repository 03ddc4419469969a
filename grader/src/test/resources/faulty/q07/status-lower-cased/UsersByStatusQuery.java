// Faulty: lower-cases the status, so "Active" finds the users whose status is "active".
package dev.awskit.solutions.q07;

import dev.awskit.exercises.q07.UserQuery;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** Queries the users of one status, filtered by a minimum age, on the index status-index. */
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
    if (status == null || status.isBlank()) {
      throw new IllegalArgumentException("status must not be blank");
    }
    if (minAge < 0) {
      throw new IllegalArgumentException("minAge must not be negative, was " + minAge);
    }
    QueryRequest request =
        QueryRequest.builder()
            .tableName(tableName)
            .indexName(INDEX_NAME)
            // "status" is a DynamoDB reserved word, so it can only appear through a placeholder.
            .keyConditionExpression("#status = :status")
            .filterExpression("age >= :minAge")
            .expressionAttributeNames(Map.of("#status", "status"))
            .expressionAttributeValues(
                Map.of(
                    ":status", AttributeValue.fromS(status.toLowerCase(Locale.ROOT)),
                    ":minAge", AttributeValue.fromN(Integer.toString(minAge))))
            .build();
    return dynamoDb.queryPaginator(request).items().stream().toList();
  }
}
