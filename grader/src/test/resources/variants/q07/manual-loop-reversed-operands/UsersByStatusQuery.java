// Variant: other placeholder names, operands reversed (:v = #n, :min <= #a), both names aliased, a hand-written page loop with the Consumer builder.
package dev.awskit.solutions.q07;

import dev.awskit.exercises.q07.UserQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
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
    if (status == null || status.trim().isEmpty() || minAge < 0) {
      throw new IllegalArgumentException("bad arguments");
    }
    Map<String, String> names = new HashMap<>();
    names.put("#st", "status");
    names.put("#a", "age");
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":wanted", AttributeValue.builder().s(status).build());
    values.put(":youngest", AttributeValue.builder().n(String.valueOf(minAge)).build());

    List<Map<String, AttributeValue>> result = new ArrayList<>();
    Map<String, AttributeValue> startKey = null;
    do {
      Map<String, AttributeValue> from = startKey;
      QueryResponse page =
          dynamoDb.query(
              q ->
                  q.tableName(tableName)
                      .indexName("status-index")
                      .keyConditionExpression(":wanted = #st")
                      .filterExpression(":youngest <= #a")
                      .expressionAttributeNames(names)
                      .expressionAttributeValues(values)
                      .exclusiveStartKey(from));
      result.addAll(page.items());
      startKey = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
    } while (startKey != null);
    return result;
  }
}
