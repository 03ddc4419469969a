package dev.awskit.grader.hidden.q07;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awskit.conformance.ConformanceReport;
import dev.awskit.conformance.Dynalite;
import dev.awskit.conformance.Engines;
import dev.awskit.conformance.Scenario;
import dev.awskit.conformance.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
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
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Replays the queries of question 7 (hidden tests, faulty and variant cases) against dynalite and
 * against {@link UsersIndex}, the grader's double of the table's index, over the same
 * users, and requires the same verdict (error code and message) and the same pages. The double reads
 * {@value UsersIndex#PAGE_SIZE} items per page before the filter, as DynamoDB's 1 MB limit
 * does on a big table; the engine is sent {@code Limit} {@value UsersIndex#PAGE_SIZE} (or
 * the request's smaller one), which DynamoDB also counts before the filter.
 */
@ExtendWith(Engines.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DynamoDbQueryConformanceTest {

  private static final String TABLE = "conformance-q07";
  private static final String INDEX = dev.awskit.exercises.q07.UserQuery.INDEX_NAME;
  /** More pages than any query here has: a query that never ends is cut short. */
  private static final int MAX_PAGES = 12;

  private static final List<Map<String, AttributeValue>> USERS =
      List.of(
          user("u01", "active", AttributeValue.fromN("36")),
          user("u02", "active", AttributeValue.fromN("17")),
          user("u03", "active", AttributeValue.fromN("30")),
          user("u04", "active", null),
          user("u05", "active", AttributeValue.fromN("45")),
          user("u06", "active", AttributeValue.fromS("40")),
          user("u07", "inactive", AttributeValue.fromN("50")),
          user("u08", "pending", AttributeValue.fromN("40")));

  private final ConformanceReport report = new ConformanceReport("dynamodb-query");
  private DynamoDbClient dynamoDb;
  /** The users in the order the engine returns them in each partition of the index. */
  private List<Map<String, AttributeValue>> engineOrder;

  /**
   * One query: its name, who sends it, the request, how it walks the pages, and where the engine
   * answers otherwise than DynamoDB, the source of DynamoDB's answer (else null).
   */
  record Shape(
      String name, String source, QueryRequest request, boolean everyPage, String awsSource) {
    @Override
    public String toString() {
      return name;
    }
  }

  @BeforeAll
  void createTable(Dynalite dynalite) {
    dynamoDb = dynalite.client();
    Dynalite.createTable(dynamoDb, b -> b.tableName(TABLE)
        .attributeDefinitions(
            AttributeDefinition.builder().attributeName("user_id")
                .attributeType(ScalarAttributeType.S).build(),
            AttributeDefinition.builder().attributeName("status")
                .attributeType(ScalarAttributeType.S).build())
        .keySchema(k -> k.attributeName("user_id").keyType(KeyType.HASH))
        .globalSecondaryIndexes(g -> g.indexName(INDEX)
            .keySchema(k -> k.attributeName("status").keyType(KeyType.HASH))
            .projection(p -> p.projectionType(ProjectionType.ALL))
            .provisionedThroughput(t -> t.readCapacityUnits(5L).writeCapacityUnits(5L)))
        .provisionedThroughput(t -> t.readCapacityUnits(5L).writeCapacityUnits(5L)));
    for (Map<String, AttributeValue> user : USERS) {
      dynamoDb.putItem(b -> b.tableName(TABLE).item(user));
    }
    engineOrder = new ArrayList<>();
    for (String status : List.of("active", "inactive", "pending")) {
      engineOrder.addAll(dynamoDb.query(b -> b.tableName(TABLE).indexName(INDEX)
          .keyConditionExpression("#s = :s")
          .expressionAttributeNames(Map.of("#s", "status"))
          .expressionAttributeValues(Map.of(":s", AttributeValue.fromS(status)))).items());
    }
  }

  @AfterAll
  void writeReport() throws Exception {
    report.checkOrWrite();
    if (dynamoDb != null) {
      dynamoDb.close();
    }
  }

  static List<Shape> shapes() {
    Map<String, String> aliased = Map.of("#status", "status");
    return List.of(
        shape("alias, key and filter, every page", "reference; hidden q07",
            b -> b.keyConditionExpression("#status = :status").filterExpression("age >= :minAge")
                .expressionAttributeNames(aliased), true),
        shape("first page only", "faulty q07/first-page-only",
            b -> b.keyConditionExpression("#status = :status").filterExpression("age >= :minAge")
                .expressionAttributeNames(aliased), false),
        shape("filter age > :minAge", "faulty q07/greater-than",
            b -> b.keyConditionExpression("#status = :status").filterExpression("age > :minAge")
                .expressionAttributeNames(aliased), true),
        shape("minAge as a string", "faulty q07/age-as-string",
            b -> b.keyConditionExpression("#status = :status").filterExpression("age >= :minAge")
                .expressionAttributeNames(aliased)
                .expressionAttributeValues(values(AttributeValue.fromS("30"))), true),
        shape("status not aliased", "faulty q07/unaliased-status",
            b -> b.keyConditionExpression("status = :status").filterExpression("age >= :minAge"),
            true),
        shape("no IndexName", "faulty q07/query-without-index-name",
            b -> b.indexName(null).keyConditionExpression("#status = :status")
                .filterExpression("age >= :minAge").expressionAttributeNames(aliased), true),
        shape("ConsistentRead on the index", "faulty q07/consistent-read-on-gsi",
            b -> b.consistentRead(true).keyConditionExpression("#status = :status")
                .filterExpression("age >= :minAge").expressionAttributeNames(aliased), true),
        shape("age in the key condition", "faulty q07/age-in-key-condition",
            b -> b.keyConditionExpression("#status = :status AND age >= :minAge")
                .expressionAttributeNames(aliased), true),
        shape("status in the filter, age in the key", "faulty q07/status-in-filter",
            b -> b.keyConditionExpression("age >= :minAge").filterExpression("#status = :status")
                .expressionAttributeNames(aliased), true),
        shape("status in the key and in the filter", "faulty q07/status-also-in-filter",
            b -> b.keyConditionExpression("#status = :status")
                .filterExpression("#status = :status AND age >= :minAge")
                .expressionAttributeNames(aliased), true),
        shape("attribute_exists(age) AND age >= :minAge", "variant q07/filter-with-attribute-exists",
            b -> b.keyConditionExpression("#status = :status")
                .filterExpression("attribute_exists(age) AND age >= :minAge")
                .expressionAttributeNames(aliased), true),
        shape("NOT (age < :minAge) AND attribute_exists(age)",
            "variant q07/filter-with-not-and-parentheses",
            b -> b.keyConditionExpression("#status = :status")
                .filterExpression("NOT (age < :minAge) AND attribute_exists(age)")
                .expressionAttributeNames(aliased), true),
        shape("reversed operands in key and filter", "variant q07/manual-loop-reversed-operands",
            b -> b.keyConditionExpression(":status = #st").filterExpression(":minAge <= #a")
                .expressionAttributeNames(Map.of("#st", "status", "#a", "age")), true),
        shape("#age > :min or #age = :min", "variant q07/page-iterable-or-equal",
            b -> b.keyConditionExpression("#status = :status")
                .filterExpression("#age > :minAge or #age = :minAge")
                .expressionAttributeNames(Map.of("#status", "status", "#age", "age")), true),
        shape("(:minAge <= age)", "variant q07/reversed-operands",
            b -> b.keyConditionExpression("#status = :status").filterExpression("(:minAge <= age)")
                .expressionAttributeNames(aliased), true),
        shape("an unused name", "hidden q07 (names all used)",
            b -> b.keyConditionExpression("#status = :status").filterExpression("age >= :minAge")
                .expressionAttributeNames(Map.of("#status", "status", "#unused", "name")), true),
        shape("an unused value", "hidden q07 (values all used)",
            b -> b.keyConditionExpression("#status = :status").expressionAttributeNames(aliased),
            true),
        shape("an undefined name", "hidden q07 (names defined)",
            b -> b.keyConditionExpression("#status = :status").filterExpression("#age >= :minAge")
                .expressionAttributeNames(aliased), true),
        shape("another index", "hidden q07 (index name)",
            b -> b.indexName("age-index").keyConditionExpression("#status = :status")
                .filterExpression("age >= :minAge").expressionAttributeNames(aliased), true),
        shape("reserved word name unaliased in the filter", "hidden q07 (reserved words)",
            b -> b.keyConditionExpression("#status = :status")
                .filterExpression("age >= :minAge AND name <> :minAge")
                .expressionAttributeNames(aliased), true),
        shape("BETWEEN and IN in the filter", "hidden q07 (grammar)",
            b -> b.keyConditionExpression("#status = :status")
                .filterExpression("age BETWEEN :minAge AND :minAge OR age IN (:minAge)")
                .expressionAttributeNames(aliased), true),
        shape("Limit 1, counted before the filter", "hidden q07 (Limit)",
            b -> b.keyConditionExpression("#status = :status").filterExpression("age >= :minAge")
                .expressionAttributeNames(aliased).limit(1), true),
        shape("Limit 0", "hidden q07 (Limit)",
            b -> b.keyConditionExpression("#status = :status").filterExpression("age >= :minAge")
                .expressionAttributeNames(aliased).limit(0), true),
        shape("OR in the key condition", "hidden q07 (key condition)",
            b -> b.keyConditionExpression("#status = :status OR #status = :status")
                .filterExpression("age >= :minAge").expressionAttributeNames(aliased), true),
        shape("<> in the key condition", "hidden q07 (key condition)",
            b -> b.keyConditionExpression("#status <> :status")
                .filterExpression("age >= :minAge").expressionAttributeNames(aliased), true),
        shape("begins_with on the partition key", "hidden q07 (key condition)",
            b -> b.keyConditionExpression("begins_with(#status, :status)")
                .filterExpression("age >= :minAge").expressionAttributeNames(aliased), true),
        shape("two names in one key condition", "hidden q07 (key condition)",
            b -> b.keyConditionExpression("#status = user_id")
                .filterExpression("age >= :minAge").expressionAttributeNames(aliased)
                .expressionAttributeValues(Map.of(":minAge", AttributeValue.fromN("30"))), true),
        shape("redundant parentheses in the filter", "hidden q07 (grammar)",
            b -> b.keyConditionExpression("#status = :status")
                .filterExpression("((age >= :minAge))").expressionAttributeNames(aliased), true),
        withAwsSource(shape("a syntax error in the filter", "hidden q07 (grammar)",
            b -> b.keyConditionExpression("#status = :status")
                .filterExpression("age >= 30 AND :minAge = :minAge")
                .expressionAttributeNames(aliased), true),
            "both refuse it; dynalite words it as its own parser does, DynamoDB as `Syntax error;"
                + " token: \"30\", near: \"...\"`, the token and its neighbours (no AWS page"
                + " documents the wording; the service's answers are quoted in"
                + " [aws-sdk-java-v2#2310](https://github.com/aws/aws-sdk-java-v2/issues/2310) and"
                + " [floci#1512](https://github.com/floci-io/floci/issues/1512))"),
        shape("size() in the filter", "hidden q07 (grammar)",
            b -> b.keyConditionExpression("#status = :status")
                .filterExpression("size(user_id) >= :minAge")
                .expressionAttributeNames(aliased), true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shapes")
  void engineAndDoubleAnswerTheSamePages(Shape shape) throws Exception {
    // given
    UsersIndex index = UsersIndex.serving(engineOrder);
    Integer limit = shape.request().limit();
    QueryRequest toEngine = shape.request().toBuilder().tableName(TABLE)
        .limit(limit == null ? UsersIndex.PAGE_SIZE
            : Math.min(limit, UsersIndex.PAGE_SIZE))
        .build();

    // when
    Verdict engine = Verdict.ofResult(() -> walk(shape, toEngine, dynamoDb::query), true);
    Verdict ours =
        Verdict.ofResult(() -> walk(shape, shape.request(), index.client()::query), true);

    // then
    Scenario scenario =
        new Scenario(shape.name(), shape.source(), engine, ours, shape.awsSource());
    report.add(scenario);
    assertThat(scenario.holds()).as("%s: dynalite %s, double %s", shape.name(), engine, ours)
        .isTrue();
  }

  private static String walk(
      Shape shape, QueryRequest first, Function<QueryRequest, QueryResponse> service) {
    List<String> pages = new ArrayList<>();
    QueryRequest request = first;
    while (request != null && pages.size() < MAX_PAGES) {
      QueryResponse response = service.apply(request);
      List<String> ids = new ArrayList<>();
      response.items().forEach(item -> ids.add(item.get("user_id").s()));
      pages.add("[" + String.join(" ", ids) + (response.hasLastEvaluatedKey() ? " more" : "") + "]");
      request = shape.everyPage() && response.hasLastEvaluatedKey()
          ? request.toBuilder().exclusiveStartKey(response.lastEvaluatedKey()).build()
          : null;
    }
    return String.join(" ", pages);
  }

  private static Shape withAwsSource(Shape shape, String awsSource) {
    return new Shape(shape.name(), shape.source(), shape.request(), shape.everyPage(), awsSource);
  }

  private static Shape shape(
      String name, String source, UnaryOperator<QueryRequest.Builder> details, boolean everyPage) {
    QueryRequest.Builder builder = QueryRequest.builder().tableName("users").indexName(INDEX)
        .expressionAttributeValues(values(AttributeValue.fromN("30")));
    return new Shape(name, source, details.apply(builder).build(), everyPage, null);
  }

  private static Map<String, AttributeValue> values(AttributeValue minAge) {
    return Map.of(":status", AttributeValue.fromS("active"), ":minAge", minAge);
  }

  private static Map<String, AttributeValue> user(
      String id, String status, AttributeValue age) {
    Map<String, AttributeValue> user = new java.util.HashMap<>();
    user.put("user_id", AttributeValue.fromS(id));
    user.put("status", AttributeValue.fromS(status));
    user.put("name", AttributeValue.fromS("name of " + id));
    if (age != null) {
      user.put("age", age);
    }
    return Map.copyOf(user);
  }
}
