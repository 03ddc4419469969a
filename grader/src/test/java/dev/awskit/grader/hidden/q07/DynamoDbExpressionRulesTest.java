package dev.awskit.grader.hidden.q07;

import dev.awskit.grader.hidden.doubles.IndexQueryRules;
import dev.awskit.grader.hidden.doubles.ConditionExpression;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.awskit.grader.hidden.DynamoDbReservedWords;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** The q07 double's expression reader and Query rules, against DynamoDB's documented verdicts. */
class DynamoDbExpressionRulesTest {

  private static final Map<String, AttributeValue> VALUES =
      Map.of(
          ":min", AttributeValue.fromN("30"),
          ":max", AttributeValue.fromN("40"),
          ":a", AttributeValue.fromS("Ad"),
          ":n", AttributeValue.fromS("N"),
          ":three", AttributeValue.fromN("3"),
          ":tag", AttributeValue.fromS("x"));

  private static final Map<String, AttributeValue> ADA =
      Map.of(
          "name", AttributeValue.fromS("Ada"),
          "age", AttributeValue.fromN("36"),
          "tags", AttributeValue.fromSs(List.of("x", "y")),
          "address", AttributeValue.fromM(Map.of("city", AttributeValue.fromS("Paris"))),
          "scores", AttributeValue.fromL(List.of(AttributeValue.fromN("1"))));

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "age >= :min | true",
        ":min <= age | true",
        "age BETWEEN :min AND :max | true",
        "age IN (:min, :max) | false",
        "NOT age < :min | true",
        "attribute_exists(age) AND age >= :min | true",
        "attribute_not_exists(age) OR (age > :max) | false",
        "attribute_type(age, :n) | true",
        "begins_with(#n, :a) | true",
        "contains(tags, :tag) AND contains(#n, :a) | true",
        "size(#n) = :three | true",
        "address.city = :a OR scores[0] < :three | true",
        "age > :min and age < :max or age = :tag | true",
      })
  void evaluatesFunctionsAndOperators(String expression, boolean expected) {
    ConditionExpression read =
        ConditionExpression.read(expression, Map.of("#n", "name"), VALUES);
    assertThat(read.matches(ADA)).as(expression).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "status = :min | Attribute name is a reserved keyword; reserved keyword: status",
        "age >= 30 | Syntax error",
        "age >= :missing | attribute value used in expression is not defined",
        "#missing >= :min | attribute name used in the document path is not defined",
        "frobnicate(age) | Invalid function name; function: frobnicate",
        "attribute_exists(:min) | requires a document path",
        "(age >= :min | Syntax error",
      })
  void refusesWhatDynamoDbRefuses(String expression, String message) {
    assertThatThrownBy(() -> ConditionExpression.read(expression, Map.of(), VALUES))
        .isInstanceOf(ConditionExpression.Unreadable.class)
        .hasMessageContaining(message);
  }

  @Test
  void theReservedWordListIsTheWholeDocumentedList() {
    assertThat(DynamoDbReservedWords.count()).isEqualTo(573);
    assertThat(DynamoDbReservedWords.isReserved("Status")).isTrue();
    assertThat(DynamoDbReservedWords.isReserved("age")).isFalse();
  }

  @Test
  void acceptsTheReferenceQuery() {
    assertThat(IndexQueryRules.check(reference(UnaryOperator.identity())).attributeNames())
        .containsExactly("status");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "no index | Query condition missed key schema element: user_id",
        "other index | The table does not have the specified index: age-index",
        "consistent | Consistent reads are not supported on global secondary indexes",
        "age in key | Query key condition not supported",
        "status in filter | Filter Expression can only contain non-primary key attributes",
        "unused value | unused in expressions: keys: {:unused}",
        "unused name | Value provided in ExpressionAttributeNames unused in expressions",
        "or in key | Invalid operator used in KeyConditionExpression",
        "number status | Condition parameter type does not match schema type",
      })
  void refusesBadQueries(String mistake, String message) {
    UnaryOperator<QueryRequest.Builder> change =
        switch (mistake) {
          case "no index" -> b -> b.indexName(null);
          case "other index" -> b -> b.indexName("age-index");
          case "consistent" -> b -> b.consistentRead(true);
          case "age in key" -> b -> b.keyConditionExpression("#s = :s AND age >= :min")
              .filterExpression(null);
          case "status in filter" -> b -> b.filterExpression("#s = :s AND age >= :min");
          case "unused value" -> b -> b.expressionAttributeValues(values(":unused"));
          case "unused name" -> b -> b.expressionAttributeNames(Map.of("#s", "status", "#a", "a"));
          case "or in key" -> b -> b.keyConditionExpression("#s = :s OR #s = :s");
          default -> b -> b.expressionAttributeValues(
              Map.of(":s", AttributeValue.fromN("1"), ":min", AttributeValue.fromN("30")));
        };
    assertThatThrownBy(() -> IndexQueryRules.check(reference(change)))
        .isInstanceOfSatisfying(
            DynamoDbException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(400);
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
            })
        .hasMessageContaining(message);
  }

  private static QueryRequest reference(UnaryOperator<QueryRequest.Builder> change) {
    return change
        .apply(
            QueryRequest.builder()
                .tableName("CourseUsers")
                .indexName("status-index")
                .keyConditionExpression("#s = :s")
                .filterExpression("age >= :min")
                .expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(values()))
        .build();
  }

  private static Map<String, AttributeValue> values(String... extra) {
    Map<String, AttributeValue> values = new LinkedHashMap<>();
    values.put(":s", AttributeValue.fromS("active"));
    values.put(":min", AttributeValue.fromN("30"));
    for (String name : extra) {
      values.put(name, AttributeValue.fromS("x"));
    }
    return values;
  }
}
