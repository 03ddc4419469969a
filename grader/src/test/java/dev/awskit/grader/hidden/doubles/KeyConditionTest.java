package dev.awskit.grader.hidden.doubles;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.awskit.grader.hidden.doubles.KeyCondition.Key;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * Key conditions on a table keyed by pk (partition, string) and sk (sort, string), against the
 * operators the developer guide allows and DynamoDB's messages for the rest.
 */
class KeyConditionTest {

  private static final Key PARTITION = new Key("pk", "S");
  private static final Key SORT = new Key("sk", "S");

  private static final Map<String, AttributeValue> VALUES =
      Map.of(
          ":p", AttributeValue.fromS("x"),
          ":a", AttributeValue.fromS("a"),
          ":b", AttributeValue.fromS("b"),
          ":n", AttributeValue.fromN("1"));

  private static ConditionExpression read(String text) {
    return ConditionExpression.read(text, Map.of("#k", "pk"), VALUES);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "pk = :p",
        "#k = :p",
        "pk = :p AND sk = :a",
        "pk = :p AND sk < :a",
        "pk = :p AND sk <= :a",
        "pk = :p AND sk > :a",
        "pk = :p AND sk >= :a",
        ":a > sk AND :p = pk",
        "pk = :p AND sk BETWEEN :a AND :b",
        "pk = :p AND begins_with(sk, :a)",
        "(pk = :p) AND (sk = :a)",
      })
  void acceptsAnEqualityOnThePartitionKeyAndASortKeyCondition(String text) {
    assertThatCode(() -> KeyCondition.check(read(text), PARTITION, SORT))
        .as(text)
        .doesNotThrowAnyException();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "pk = :p OR sk = :a | Invalid operator used in KeyConditionExpression: OR",
        "NOT pk = :p | Invalid operator used in KeyConditionExpression: NOT",
        "pk IN (:p) | Invalid operator used in KeyConditionExpression: IN",
        "pk <> :p | Invalid operator used in KeyConditionExpression: <>",
        "pk = :p AND contains(sk, :a) | Invalid operator used in KeyConditionExpression: contains",
        "pk = :p AND attribute_exists(sk) | Invalid operator used in KeyConditionExpression:"
            + " attribute_exists",
        "size(pk) = :n | KeyConditionExpressions cannot contain nested operations",
        "pk = :p AND :a BETWEEN sk AND :b | Invalid condition in KeyConditionExpression: BETWEEN"
            + " operator must have the key attribute as its first operand",
        "pk = sk | Invalid condition in KeyConditionExpression: Multiple attribute names used in"
            + " one condition",
        "pk.x = :p | KeyConditionExpressions cannot have conditions on nested attributes",
        ":p = :a | Invalid condition in KeyConditionExpression: No key attribute specified",
        "pk = :p AND pk = :p | KeyConditionExpressions must only contain one condition per key",
        "pk = :p AND sk = :a AND age = :b | Conditions can be of length 1 or 2 only",
        "sk = :a | Query condition missed key schema element: pk",
        "pk = :p AND age = :a | Query condition missed key schema element: sk",
        "pk < :p | Query key condition not supported",
        "pk = :n | One or more parameter values were invalid: Condition parameter type does not"
            + " match schema type",
      })
  void refusesWhatDynamoDbRefuses(String text, String message) {
    assertThatThrownBy(() -> KeyCondition.check(read(text), PARTITION, SORT))
        .isInstanceOf(DynamoDbException.class)
        .hasMessageStartingWith(message);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"pk = :p AND sk = :a", "pk = :p AND begins_with(sk, :a)"})
  void aTableWithoutSortKeyTakesThePartitionKeyAlone(String text) {
    assertThatThrownBy(() -> KeyCondition.check(read(text), PARTITION, null))
        .isInstanceOf(DynamoDbException.class)
        .hasMessageStartingWith("Query key condition not supported");
  }
}
