// Faulty: stops paging at the first page the filter left empty, although it has a LastEvaluatedKey.
package dev.awskit.solutions.q07;

import dev.awskit.exercises.q07.UserQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

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
                    ":status", AttributeValue.fromS(status),
                    ":minAge", AttributeValue.fromN(Integer.toString(minAge))))
            .build();
    List<Map<String, AttributeValue>> users = new ArrayList<>();
    QueryResponse page = dynamoDb.query(request);
    // Wrong: a page emptied by the filter may still have a LastEvaluatedKey.
    while (!page.items().isEmpty()) {
      users.addAll(page.items());
      if (!page.hasLastEvaluatedKey()) {
        break;
      }
      page = dynamoDb.query(request.toBuilder().exclusiveStartKey(page.lastEvaluatedKey()).build());
    }
    return users;
  }
}
