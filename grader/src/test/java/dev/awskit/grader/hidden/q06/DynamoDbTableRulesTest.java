package dev.awskit.grader.hidden.q06;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.awskit.grader.hidden.doubles.DynamoDbDouble;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/** The q06 double as a table: PutItem, GetItem and DeleteItem, conditions and key checks. */
class DynamoDbTableRulesTest {

  private static final Map<String, AttributeValue> ADA =
      Map.of("user_id", AttributeValue.fromS("u-1"), "name", AttributeValue.fromS("Ada"));
  private static final Map<String, AttributeValue> KEY =
      Map.of("user_id", AttributeValue.fromS("u-1"));

  private final DynamoDbDouble table = new DynamoDbDouble().table();
  private final DynamoDbClient dynamoDb = table.client();

  @Test
  void putReplacesAndGetAndDeleteSeeTheStoredItem() {
    // given
    Map<String, AttributeValue> older = Map.of("user_id", AttributeValue.fromS("u-1"));

    // when
    dynamoDb.putItem(b -> b.tableName("t").item(older));
    Map<String, AttributeValue> previous = dynamoDb.putItem(
        b -> b.tableName("t").item(ADA).returnValues(ReturnValue.ALL_OLD)).attributes();
    Map<String, AttributeValue> found = dynamoDb.getItem(b -> b.tableName("t").key(KEY)).item();
    dynamoDb.deleteItem(b -> b.tableName("t").key(KEY));

    // then
    assertThat(previous).isEqualTo(older);
    assertThat(found).isEqualTo(ADA);
    assertThat(dynamoDb.getItem(b -> b.tableName("t").key(KEY)).hasItem()).isFalse();
    assertThat(table.items()).isEmpty();
  }

  @Test
  void putOnlyIfAbsentFailsItsConditionOnAStoredKey() {
    // given
    dynamoDb.putItem(b -> b.tableName("t").item(ADA));

    // when / then
    assertThatThrownBy(() -> dynamoDb.putItem(b -> b.tableName("t").item(ADA)
            .conditionExpression("attribute_not_exists(user_id)")))
        .isInstanceOf(ConditionalCheckFailedException.class)
        .satisfies(e -> assertThat(((DynamoDbException) e).awsErrorDetails().errorCode())
            .isEqualTo("ConditionalCheckFailedException"));
    assertThat(table.lastRefusal()).startsWith("ConditionalCheckFailedException");
  }

  @Test
  void deleteOnlyIfPresentFailsItsConditionOnAMissingKey() {
    assertThatThrownBy(() -> dynamoDb.deleteItem(b -> b.tableName("t").key(KEY)
            .conditionExpression("attribute_exists(#k)")
            .expressionAttributeNames(Map.of("#k", "user_id"))))
        .isInstanceOf(ConditionalCheckFailedException.class);
  }

  @Test
  void conditionsThatHoldLetTheWriteThrough() {
    // when
    dynamoDb.putItem(b -> b.tableName("t").item(ADA)
        .conditionExpression("attribute_not_exists(user_id)"));
    dynamoDb.deleteItem(b -> b.tableName("t").key(KEY)
        .conditionExpression("#n = :n")
        .expressionAttributeNames(Map.of("#n", "name"))
        .expressionAttributeValues(Map.of(":n", AttributeValue.fromS("Ada"))));

    // then
    assertThat(table.items()).isEmpty();
  }

  @Test
  void refusesWhatDynamoDbRefusesBeforeWriting() {
    List<Runnable> refused = List.of(
        () -> dynamoDb.putItem(b -> b.tableName("t")
            .item(Map.of("name", AttributeValue.fromS("no key")))),
        () -> dynamoDb.putItem(b -> b.tableName("t")
            .item(Map.of("user_id", AttributeValue.fromN("1")))),
        () -> dynamoDb.putItem(b -> b.tableName("t").item(ADA).returnValues(ReturnValue.ALL_NEW)),
        () -> dynamoDb.putItem(b -> b.tableName("t").item(ADA)
            .conditionExpression("attribute_not_exists(user_id)")
            .expressionAttributeValues(Map.of(":unused", AttributeValue.fromS("x")))),
        () -> dynamoDb.putItem(b -> b.tableName("t").item(ADA)
            .expressionAttributeNames(Map.of("#k", "user_id"))),
        () -> dynamoDb.deleteItem(b -> b.tableName("t")
            .key(KEY).conditionExpression("attribute_exists(status)")),
        () -> dynamoDb.getItem(b -> b.tableName("t").key(Map.of("id", AttributeValue.fromS("x")))));

    for (Runnable request : refused) {
      assertThatThrownBy(request::run)
          .isInstanceOf(DynamoDbException.class)
          .satisfies(e -> assertThat(((DynamoDbException) e).awsErrorDetails().errorCode())
              .isEqualTo("ValidationException"));
    }
    assertThat(table.items()).isEmpty();
  }

  @Test
  void servesTheStoredItemsAsScanPagesOfTheGivenSizes() {
    // given
    for (String id : List.of("u-1", "u-2", "u-3")) {
      dynamoDb.putItem(b -> b.tableName("t").item(Map.of("user_id", AttributeValue.fromS(id))));
    }
    table.scanStoredItems(2, 0, 1);

    // when
    List<Integer> pageSizes = dynamoDb.scanPaginator(b -> b.tableName("t")).stream()
        .map(page -> page.items().size()).toList();

    // then
    assertThat(pageSizes).containsExactly(2, 0, 1);
  }
}
