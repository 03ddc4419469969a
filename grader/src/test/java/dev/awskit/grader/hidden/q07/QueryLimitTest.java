package dev.awskit.grader.hidden.q07;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** The q07 index double counts Limit before the filter, as DynamoDB does. */
class QueryLimitTest {

  private static final List<Map<String, AttributeValue>> USERS = List.of(
      user("u1", 10), user("u2", 40), user("u3", 50), user("u4", 12));

  private final DynamoDbClient dynamoDb = UsersIndex.serving(USERS).client();

  @Test
  void limitCapsTheItemsReadBeforeTheFilter() {
    // when
    QueryResponse first = dynamoDb.query(query().limit(1).build());

    // then: u1 was read and filtered out, so the page is empty but not the last
    assertThat(first.items()).isEmpty();
    assertThat(first.scannedCount()).isEqualTo(1);
    assertThat(first.hasLastEvaluatedKey()).isTrue();
  }

  @Test
  void everyPageOfLimitOneGivesTheFilteredItems() {
    // when
    List<String> ids = dynamoDb.queryPaginator(query().limit(1).build()).items().stream()
        .map(item -> item.get("user_id").s()).toList();

    // then
    assertThat(ids).containsExactly("u2", "u3");
  }

  @Test
  void aLimitAboveThePageSizeLeavesThePageSize() {
    assertThat(dynamoDb.query(query().limit(100).build()).scannedCount())
        .isEqualTo(UsersIndex.PAGE_SIZE);
  }

  @Test
  void aLimitBelowOneIsRefused() {
    assertThatThrownBy(() -> dynamoDb.query(query().limit(0).build()))
        .isInstanceOf(DynamoDbException.class)
        .hasMessageContaining("Value '0' at 'limit' failed to satisfy constraint");
  }

  private static QueryRequest.Builder query() {
    return QueryRequest.builder().tableName("users").indexName("status-index")
        .keyConditionExpression("#s = :s").filterExpression("age >= :min")
        .expressionAttributeNames(Map.of("#s", "status"))
        .expressionAttributeValues(
            Map.of(":s", AttributeValue.fromS("active"), ":min", AttributeValue.fromN("30")));
  }

  private static Map<String, AttributeValue> user(String id, int age) {
    return Map.of("user_id", AttributeValue.fromS(id), "status", AttributeValue.fromS("active"),
        "age", AttributeValue.fromN(Integer.toString(age)));
  }
}
