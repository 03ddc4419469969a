package dev.awskit.exercises.q07;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.awskit.exercises.Implementations;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

class UsersByStatusQueryTest {

  private static final Map<String, AttributeValue> ALICE =
      Map.of(
          "user_id", AttributeValue.fromS("u-1"),
          "name", AttributeValue.fromS("Alice"),
          "status", AttributeValue.fromS("active"),
          "age", AttributeValue.fromN("34"));

  private final DynamoDbClient dynamoDb = mock(DynamoDbClient.class);

  @BeforeEach
  @SuppressWarnings("unchecked")
  void letEveryStyleReachQuery() {
    // Consumer<Builder> overloads and paginators are default methods of DynamoDbClient; their real
    // code ends in query(QueryRequest), which each test stubs.
    when(dynamoDb.query(any(Consumer.class))).thenCallRealMethod();
    when(dynamoDb.queryPaginator(any(Consumer.class))).thenCallRealMethod();
    when(dynamoDb.queryPaginator(any(QueryRequest.class))).thenCallRealMethod();
  }

  @Test
  void queriesTheStatusIndexOfTheTable() {
    // given: DynamoDB answers with one page (no LastEvaluatedKey)
    when(dynamoDb.query(any(QueryRequest.class)))
        .thenReturn(QueryResponse.builder().items(List.of(ALICE)).count(1).build());
    UserQuery query = Implementations.create(UserQuery.class, dynamoDb, "Users");

    // when
    List<Map<String, AttributeValue>> users = query.usersWithStatus("active", 30);

    // then
    ArgumentCaptor<QueryRequest> sent = ArgumentCaptor.forClass(QueryRequest.class);
    verify(dynamoDb).query(sent.capture());
    assertThat(sent.getValue().tableName()).isEqualTo("Users");
    assertThat(sent.getValue().indexName()).isEqualTo(UserQuery.INDEX_NAME);
    assertThat(users).containsExactly(ALICE);
  }

  @Test
  void sendsTheStatusAndTheAgeAsExpressionValues() {
    // given
    when(dynamoDb.query(any(QueryRequest.class)))
        .thenReturn(QueryResponse.builder().items(List.of()).count(0).build());
    UserQuery query = Implementations.create(UserQuery.class, dynamoDb, "Users");

    // when
    query.usersWithStatus("active", 30);

    // then: the values travel as typed attribute values, never pasted into the expressions
    ArgumentCaptor<QueryRequest> sent = ArgumentCaptor.forClass(QueryRequest.class);
    verify(dynamoDb).query(sent.capture());
    assertThat(sent.getValue().expressionAttributeValues().values())
        .contains(AttributeValue.fromS("active"), AttributeValue.fromN("30"));
    assertThat(sent.getValue().keyConditionExpression()).doesNotContain("active");
    assertThat(sent.getValue().filterExpression()).doesNotContain("30");
  }
}
