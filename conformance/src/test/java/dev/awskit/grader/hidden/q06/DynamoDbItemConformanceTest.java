package dev.awskit.grader.hidden.q06;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awskit.conformance.ConformanceReport;
import dev.awskit.conformance.Dynalite;
import dev.awskit.conformance.Engines;
import dev.awskit.conformance.Scenario;
import dev.awskit.conformance.Verdict;
import dev.awskit.grader.hidden.doubles.DynamoDbDouble;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Replays the item writes and reads of questions 6 and 12 (hidden tests and faulty cases)
 * against dynalite and against {@link DynamoDbDouble} serving a table, each starting from a table
 * that holds one item, and requires the same verdict (code and message) and the same item after.
 */
@ExtendWith(Engines.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DynamoDbItemConformanceTest {

  private static final Map<String, AttributeValue> ADA =
      Map.of("user_id", AttributeValue.fromS("u-1"), "name", AttributeValue.fromS("Ada"));
  private static final Map<String, AttributeValue> KEY =
      Map.of("user_id", AttributeValue.fromS("u-1"));
  private static final Map<String, AttributeValue> OTHER_KEY =
      Map.of("user_id", AttributeValue.fromS("u-2"));

  private final ConformanceReport report = new ConformanceReport("dynamodb-items");
  private DynamoDbClient engine;
  private int tables;

  /**
   * One request: what it is, who sends it, the request sent to a client of a table, and the AWS
   * documentation where the engine answers otherwise than AWS (else null).
   */
  record Shape(String name, String source, Function<Target, Object> request, String awsSource) {
    Shape(String name, String source, Function<Target, Object> request) {
      this(name, source, request, null);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** A table to send a request to: a client and the table's name. */
  record Target(DynamoDbClient client, String table) {}

  @BeforeAll
  void connect(Dynalite dynalite) {
    engine = dynalite.client();
  }

  @AfterAll
  void writeReport() throws Exception {
    report.checkOrWrite();
    if (engine != null) {
      engine.close();
    }
  }

  static List<Shape> shapes() {
    return List.of(
        new Shape("PutItem", "reference; hidden q06, q12",
            t -> t.client().putItem(b -> b.tableName(t.table()).item(ADA))),
        new Shape("PutItem, ReturnValues ALL_OLD", "hidden q06 (ReturnValues)",
            t -> t.client().putItem(b -> b.tableName(t.table()).item(ADA)
                .returnValues(ReturnValue.ALL_OLD))),
        new Shape("PutItem, ReturnValues ALL_NEW", "faulty q06/put-returns-all-new",
            t -> t.client().putItem(b -> b.tableName(t.table()).item(ADA)
                .returnValues(ReturnValue.ALL_NEW)),
            "[PutItem, ReturnValues](https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/"
                + "API_PutItem.html): NONE or ALL_OLD only; both refuse it, DynamoDB's message is"
                + " \"Return values set to invalid value\""),
        new Shape("PutItem without the key attribute", "hidden q12 (key attribute)",
            t -> t.client().putItem(b -> b.tableName(t.table())
                .item(Map.of("name", AttributeValue.fromS("Ada"))))),
        new Shape("PutItem with a number as the key", "hidden q12 (key attribute)",
            t -> t.client().putItem(b -> b.tableName(t.table())
                .item(Map.of("user_id", AttributeValue.fromN("1"))))),
        new Shape("PutItem only if absent, key stored", "hidden q06 (put replaces)",
            t -> t.client().putItem(b -> b.tableName(t.table()).item(ADA)
                .conditionExpression("attribute_not_exists(user_id)"))),
        new Shape("PutItem only if absent, key new", "hidden q06 (put replaces)",
            t -> t.client().putItem(b -> b.tableName(t.table())
                .item(Map.of("user_id", AttributeValue.fromS("u-2")))
                .conditionExpression("attribute_not_exists(user_id)"))),
        new Shape("PutItem, condition with an unused value", "hidden q06 (conditions)",
            t -> t.client().putItem(b -> b.tableName(t.table()).item(ADA)
                .conditionExpression("attribute_exists(user_id)")
                .expressionAttributeValues(Map.of(":x", AttributeValue.fromS("x"))))),
        new Shape("PutItem, names without an expression", "hidden q06 (conditions)",
            t -> t.client().putItem(b -> b.tableName(t.table()).item(ADA)
                .expressionAttributeNames(Map.of("#k", "user_id")))),
        new Shape("DeleteItem", "reference; hidden q06",
            t -> t.client().deleteItem(b -> b.tableName(t.table()).key(KEY))),
        new Shape("DeleteItem of a key without an item", "hidden q06 (delete of a missing key)",
            t -> t.client().deleteItem(b -> b.tableName(t.table()).key(OTHER_KEY))),
        new Shape("DeleteItem only if present, key missing", "hidden q06 (delete of a missing key)",
            t -> t.client().deleteItem(b -> b.tableName(t.table()).key(OTHER_KEY)
                .conditionExpression("attribute_exists(user_id)"))),
        new Shape("DeleteItem, ReturnValues ALL_NEW", "hidden q06 (ReturnValues)",
            t -> t.client().deleteItem(b -> b.tableName(t.table()).key(KEY)
                .returnValues(ReturnValue.ALL_NEW)),
            "[DeleteItem, ReturnValues](https://docs.aws.amazon.com/amazondynamodb/latest/"
                + "APIReference/API_DeleteItem.html): NONE or ALL_OLD only"),
        new Shape("DeleteItem, condition on a reserved word", "hidden q06 (conditions)",
            t -> t.client().deleteItem(b -> b.tableName(t.table()).key(KEY)
                .conditionExpression("attribute_exists(status)"))),
        new Shape("GetItem of a key without an item", "hidden q06 (missing item)",
            t -> t.client().getItem(b -> b.tableName(t.table()).key(OTHER_KEY)).hasItem()),
        new Shape("GetItem with a key of another name", "hidden q06 (key)",
            t -> t.client().getItem(b -> b.tableName(t.table())
                .key(Map.of("id", AttributeValue.fromS("u-1"))))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shapes")
  void engineAndDoubleGiveTheSameVerdictAndItems(Shape shape) throws Exception {
    // given: a table holding Ada, on each side
    String table = "conformance-q06-" + (++tables);
    Dynalite.createTable(engine, b -> b.tableName(table)
        .attributeDefinitions(AttributeDefinition.builder().attributeName("user_id")
            .attributeType(ScalarAttributeType.S).build())
        .keySchema(k -> k.attributeName("user_id").keyType(KeyType.HASH))
        .provisionedThroughput(t -> t.readCapacityUnits(5L).writeCapacityUnits(5L)));
    engine.putItem(b -> b.tableName(table).item(ADA));
    DynamoDbDouble twin = new DynamoDbDouble().table();
    twin.client().putItem(b -> b.tableName(table).item(ADA));

    // when
    Verdict onEngine = Verdict.ofResult(() -> outcome(shape, new Target(engine, table),
        () -> engine.scan(b -> b.tableName(table)).items()), true);
    Verdict ours = Verdict.ofResult(
        () -> outcome(shape, new Target(twin.client(), table), twin::items), true);

    // then
    Scenario scenario =
        new Scenario(shape.name(), shape.source(), onEngine, ours, shape.awsSource());
    report.add(scenario);
    assertThat(scenario.holds()).as("%s: dynalite %s, double %s", shape.name(), onEngine, ours)
        .isTrue();
  }

  /** Sends the request, then describes what it returned and the ids the table holds. */
  private static String outcome(
      Shape shape, Target target, Supplier<List<Map<String, AttributeValue>>> items) {
    Object answer = shape.request().apply(target);
    List<String> ids = items.get().stream().map(item -> item.get("user_id").s()).sorted()
        .toList();
    String returned = answer instanceof Boolean found ? "item found: " + found + ", " : "";
    return returned + "table holds " + ids;
  }
}
