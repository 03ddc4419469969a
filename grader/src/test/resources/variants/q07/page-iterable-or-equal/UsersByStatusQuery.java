// Variant: queryPaginator(QueryRequest) walked page by page, the filter written as "#age > :min or #age = :min" in lower-case keywords.
package dev.awskit.solutions.q07;

import dev.awskit.exercises.q07.UserQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

public class UsersByStatusQuery implements UserQuery {

  private final DynamoDbClient dynamoDb;
  private final String tableName;

  public UsersByStatusQuery(DynamoDbClient dynamoDb, String tableName) {
    this.dynamoDb = dynamoDb;
    this.tableName = tableName;
  }

  @Override
  public List<Map<String, AttributeValue>> usersWithStatus(String status, int minAge) {
    if (status == null || status.isBlank()) {
      throw new IllegalArgumentException("status is blank");
    }
    if (minAge < 0) {
      throw new IllegalArgumentException("minAge is negative");
    }
    QueryRequest request =
        QueryRequest.builder()
            .tableName(tableName)
            .indexName(INDEX_NAME)
            .keyConditionExpression("#user_status = :user_status")
            .filterExpression("#age > :min or #age = :min")
            .expressionAttributeNames(Map.of("#user_status", "status", "#age", "age"))
            .expressionAttributeValues(
                Map.of(":user_status", AttributeValue.fromS(status),
                    ":min", AttributeValue.fromN(Integer.toString(minAge))))
            .build();
    List<Map<String, AttributeValue>> users = new ArrayList<>();
    for (QueryResponse page : dynamoDb.queryPaginator(request)) {
      users.addAll(page.items());
    }
    return users;
  }
}
