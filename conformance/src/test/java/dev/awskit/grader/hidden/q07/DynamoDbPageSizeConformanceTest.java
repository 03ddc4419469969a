package dev.awskit.grader.hidden.q07;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awskit.conformance.ConformanceReport;
import dev.awskit.conformance.Dynalite;
import dev.awskit.conformance.Engines;
import dev.awskit.conformance.Scenario;
import dev.awskit.conformance.Verdict;
import dev.awskit.grader.hidden.doubles.DynamoDbDouble;
import dev.awskit.grader.hidden.doubles.PageSize;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Compares where pages end by size: dynalite and the doubles serving 1 MB pages ({@link
 * PageSize#ONE_MEGABYTE}) over the same users of 300 KB each, queried on the index (question 7's
 * {@link UsersIndex}) and scanned (question 6's {@link DynamoDbDouble}), with and without
 * {@code Limit}. No request here caps the page at a few items: the size alone ends a page, read
 * before the filter, so four users (1.2 MB, the fourth crossing the line) make a page on both.
 */
@ExtendWith(Engines.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DynamoDbPageSizeConformanceTest {

  private static final String TABLE = "conformance-pages";
  private static final String INDEX = dev.awskit.exercises.q07.UserQuery.INDEX_NAME;
  private static final int MAX_PAGES = 12;
  /** A photo of 300 KB: about a third of a page, far from a page's edge on either side. */
  private static final String PHOTO = "p".repeat(300 * 1024);

  private static final List<Map<String, AttributeValue>> USERS =
      List.of(
          user("u01", "active", 36),
          user("u02", "active", 17),
          user("u03", "active", 30),
          user("u04", "active", 45),
          user("u05", "active", 29),
          user("u06", "active", 50),
          user("u07", "active", 31),
          user("u08", "inactive", 40));

  private final ConformanceReport report = new ConformanceReport("dynamodb-pages");
  private DynamoDbClient dynamoDb;
  /** The users in the order the engine reads them: by status on the index, and in a scan. */
  private List<Map<String, AttributeValue>> indexOrder;
  private List<Map<String, AttributeValue>> scanOrder;

  /** One request: its name, who sends it, whether a Scan or a Query, its Limit, all pages. */
  record Shape(String name, String source, boolean scan, Integer limit, boolean everyPage) {
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
    indexOrder = new ArrayList<>();
    for (String status : List.of("active", "inactive")) {
      dynamoDb.queryPaginator(b -> b.tableName(TABLE).indexName(INDEX)
          .keyConditionExpression("#s = :s").expressionAttributeNames(Map.of("#s", "status"))
          .expressionAttributeValues(Map.of(":s", AttributeValue.fromS(status))))
          .items().forEach(indexOrder::add);
    }
    scanOrder = new ArrayList<>();
    dynamoDb.scanPaginator(b -> b.tableName(TABLE)).items().forEach(scanOrder::add);
  }

  @AfterAll
  void writeReport() throws Exception {
    report.checkOrWrite();
    if (dynamoDb != null) {
      dynamoDb.close();
    }
  }

  static List<Shape> shapes() {
    return List.of(
        new Shape("Query, 1 MB pages, every page", "reference; variants q07/*", false, null, true),
        new Shape("Query, 1 MB pages, first page only", "faulty q07/first-page-only", false, null,
            false),
        new Shape("Query, Limit 3 under 1 MB", "hidden q07 (Limit)", false, 3, true),
        new Shape("Query, Limit 6 above 1 MB", "hidden q07 (Limit)", false, 6, true),
        new Shape("Scan, 1 MB pages, every page", "reference; hidden q06 (one page)", true, null,
            true),
        new Shape("Scan, Limit 3 under 1 MB", "hidden q06 (pages)", true, 3, true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shapes")
  void engineAndDoubleEndPagesAtTheSameItems(Shape shape) throws Exception {
    // given
    DynamoDbClient served;
    if (shape.scan()) {
      DynamoDbDouble table = new DynamoDbDouble().table();
      scanOrder.forEach(user -> table.client().putItem(b -> b.tableName(TABLE).item(user)));
      served = table.scanStoredItems(PageSize.ONE_MEGABYTE).client();
    } else {
      served = UsersIndex.serving(indexOrder, PageSize.ONE_MEGABYTE).client();
    }

    // when
    Verdict engine = Verdict.ofResult(() -> walk(shape, dynamoDb), true);
    Verdict ours = Verdict.ofResult(() -> walk(shape, served), true);

    // then
    Scenario scenario = Scenario.agreeing(shape.name(), shape.source(), engine, ours);
    report.add(scenario);
    assertThat(scenario.holds()).as("%s: dynalite %s, double %s", shape.name(), engine, ours)
        .isTrue();
  }

  /** Sends the shape's requests page after page and writes each page's ids. */
  private static String walk(Shape shape, DynamoDbClient client) {
    List<String> pages = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      Map<String, AttributeValue> from = start;
      List<Map<String, AttributeValue>> items;
      Map<String, AttributeValue> last;
      if (shape.scan()) {
        var response = client.scan(b -> b.tableName(TABLE).limit(shape.limit())
            .exclusiveStartKey(from));
        items = response.items();
        last = response.hasLastEvaluatedKey() ? response.lastEvaluatedKey() : null;
      } else {
        var response = client.query(b -> b.tableName(TABLE).indexName(INDEX)
            .keyConditionExpression("#s = :s").filterExpression("age >= :min")
            .expressionAttributeNames(Map.of("#s", "status"))
            .expressionAttributeValues(Map.of(":s", AttributeValue.fromS("active"),
                ":min", AttributeValue.fromN("30")))
            .limit(shape.limit()).exclusiveStartKey(from));
        items = response.items();
        last = response.hasLastEvaluatedKey() ? response.lastEvaluatedKey() : null;
      }
      List<String> ids = items.stream().map(item -> item.get("user_id").s()).toList();
      pages.add("[" + String.join(" ", ids) + (last != null ? " more" : "") + "]");
      start = shape.everyPage() ? last : null;
    } while (start != null && pages.size() < MAX_PAGES);
    return String.join(" ", pages);
  }

  private static Map<String, AttributeValue> user(String id, String status, int age) {
    Map<String, AttributeValue> user = new HashMap<>();
    user.put("user_id", AttributeValue.fromS(id));
    user.put("status", AttributeValue.fromS(status));
    user.put("age", AttributeValue.fromN(Integer.toString(age)));
    user.put("photo", AttributeValue.fromS(PHOTO));
    return Map.copyOf(user);
  }
}
