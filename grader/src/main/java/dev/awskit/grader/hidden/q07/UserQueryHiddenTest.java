package dev.awskit.grader.hidden.q07;

import dev.awskit.grader.hidden.doubles.ConditionExpression;
import dev.awskit.grader.hidden.doubles.DynamoDbDouble;
import static dev.awskit.grader.hidden.ServiceErrors.dynamoDbError;
import static dev.awskit.grader.hidden.Thrown.describe;
import static dev.awskit.grader.hidden.Thrown.expectIllegalArgument;
import static dev.awskit.grader.hidden.Thrown.expectPropagated;
import static dev.awskit.grader.hidden.Thrown.resultOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.awskit.exercises.q07.UserQuery;
import dev.awskit.grader.hidden.DynamoDbReservedWords;
import dev.awskit.grader.hidden.Checks;
import dev.awskit.grader.hidden.Points;
import dev.awskit.grader.hidden.QuestionTests;
import dev.awskit.grader.hidden.Submission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Hidden tests of question 7: a Query on the index status-index with a key condition on the
 * reserved word {@code status} and a filter {@code age >= minAge}, over every page.
 *
 * <p>Expressions are graded by meaning: {@link ConditionExpression} resolves the placeholders and
 * evaluates each expression on sample items, so any placeholder names and operand order score
 * alike.
 */
@QuestionTests(7)
public class UserQueryHiddenTest {

  private static final String TABLE = "CourseUsers";
  private static final String STATUS = "active";
  private static final int MIN_AGE = 30;

  private static final Pattern PLACEHOLDER = Pattern.compile("[#:][A-Za-z0-9_\\-]+");

  /** Eight active users read two per page, so five pages; one page keeps nobody. */
  private static final List<Map<String, AttributeValue>> USERS =
      List.of(
          user("u01", "Ada", STATUS, 36),
          user("u02", "Alan", STATUS, 30),
          user("u03", "Kim", STATUS, 12),
          user("u04", "Tess", STATUS, 29),
          user("u05", "Grace", STATUS, 45),
          user("u06", "Linus", STATUS, 31),
          user("u07", "Bob", STATUS, 29),
          user("u08", "Edsger", STATUS, 70),
          user("u09", "Ken", "inactive", 50),
          user("u10", "Dennis", "inactive", 33),
          user("u11", "Margaret", "pending", 40));

  private final UsersIndex index = UsersIndex.serving(USERS);

  @Test
  @Points(2)
  @Checks({"7.1", "7.2"})
  @DisplayName("Every Query names the table and the index status-index")
  void queriesTheStatusIndex(Submission submission) {
    // when
    List<QueryRequest> queries = run(submission);

    // then
    for (QueryRequest query : queries) {
      assertThat(query.tableName())
          .as("Every Query should name the table given to the constructor")
          .isEqualTo(TABLE);
      assertThat(query.indexName())
          .as(
              "Every Query should set IndexName to the global secondary index \"status-index\":"
                  + " the table's own key is user_id, only the index is keyed by status")
          .isEqualTo("status-index");
    }
  }

  @Test
  @Points(2)
  @Checks({"7.3"})
  @DisplayName("The key condition selects exactly the users whose status equals the argument")
  void keyConditionSelectsTheStatus(Submission submission) {
    // when
    QueryRequest query = run(submission).get(0);
    ConditionExpression key = read("KeyConditionExpression", query.keyConditionExpression(), query);

    // then
    assertThat(key.attributeNames())
        .withFailMessage(
            "The KeyConditionExpression \"%s\" should test the index's partition key status and"
                + " nothing else (age belongs in the FilterExpression); it refers to %s",
            key.text(), key.attributeNames())
        .containsExactly("status");
    assertThat(key.matches(probe(STATUS, 40)))
        .withFailMessage(
            "With status \"%s\" the KeyConditionExpression \"%s\" should select items whose status"
                + " is \"%s\"; it does not (is the status sent as a string value, S?)",
            STATUS, key.text(), STATUS)
        .isTrue();
    for (String other : List.of("inactive", "Active", "pending", "activ", "active2", "")) {
      assertThat(key.matches(probe(other, 40)))
          .withFailMessage(
              "With status \"%s\" the KeyConditionExpression \"%s\" should select only status ="
                  + " \"%s\", but it also selects status \"%s\"",
              STATUS, key.text(), STATUS, other)
          .isFalse();
    }
  }

  @Test
  @Points(3)
  @Checks({"7.4"})
  @DisplayName("The filter keeps users with age >= minAge: minAge itself is kept, minAge-1 not")
  void filterKeepsAgeAtLeastMinAge(Submission submission) {
    // when
    QueryRequest query = run(submission).get(0);
    ConditionExpression filter = read("FilterExpression", query.filterExpression(), query);

    // then
    assertThat(filter.attributeNames())
        .withFailMessage(
            "The FilterExpression \"%s\" should test age only (DynamoDB refuses a filter on the"
                + " index key status); it refers to %s",
            filter.text(), filter.attributeNames())
        .containsExactly("age");
    Map<Integer, Boolean> expected = new LinkedHashMap<>();
    expected.put(MIN_AGE - 1, false);
    expected.put(MIN_AGE, true);
    expected.put(MIN_AGE + 1, true);
    expected.put(99, true);
    expected.put(0, false);
    boolean keepsAnyone =
        expected.keySet().stream().anyMatch(age -> filter.matches(probe(STATUS, age)));
    assertThat(keepsAnyone)
        .withFailMessage(
            "With minAge %d the FilterExpression \"%s\" (values %s) keeps no user at all, not"
                + " even one aged 99. Is minAge sent as a number value (N)? A string value never"
                + " compares with the number attribute age.",
            MIN_AGE, filter.text(), query.expressionAttributeValues())
        .isTrue();
    for (Map.Entry<Integer, Boolean> age : expected.entrySet()) {
      boolean kept = filter.matches(probe(STATUS, age.getKey()));
      assertThat(kept)
          .withFailMessage(
              "With minAge %d the FilterExpression \"%s\" (values %s) should %s a user aged %d"
                  + "%s",
              MIN_AGE,
              filter.text(),
              query.expressionAttributeValues(),
              age.getValue() ? "keep" : "drop",
              age.getKey(),
              age.getKey() == MIN_AGE ? ": the bound is inclusive, age >= minAge, not >" : "")
          .isEqualTo(age.getValue());
    }
    assertThat(filter.matches(probe(STATUS, null)))
        .withFailMessage(
            "The FilterExpression \"%s\" should drop a user without an age", filter.text())
        .isFalse();
  }

  @Test
  @Points(2)
  @Checks({"7.6", "7.7"})
  @DisplayName("The reserved word status goes through ExpressionAttributeNames; no unused aliases")
  void reservedWordIsAliased(Submission submission) {
    // when / then
    QueryRequest query = run(submission).get(0);
    List<String> expressions = new ArrayList<>();
    for (String expression :
        new String[] {
          query.keyConditionExpression(), query.filterExpression(), query.projectionExpression()
        }) {
      if (expression != null) {
        expressions.add(expression);
      }
    }
    for (String expression : expressions) {
      ConditionExpression read = readQuietly(expression, query);
      Set<String> bare = read == null ? words(expression) : read.bareAttributeNames();
      for (String name : bare) {
        assertThat(DynamoDbReservedWords.isReserved(name))
            .withFailMessage(
                "\"%s\" uses %s directly, but %s is a DynamoDB reserved word and DynamoDB refuses"
                    + " the request (ValidationException). Write a placeholder such as #st in the"
                    + " expression and map it to \"%s\" in ExpressionAttributeNames.",
                expression, name, name, name)
            .isFalse();
      }
    }
    Set<String> used = new LinkedHashSet<>();
    for (String expression : expressions) {
      Matcher placeholder = PLACEHOLDER.matcher(expression);
      while (placeholder.find()) {
        used.add(placeholder.group());
      }
    }
    Set<String> unusedNames = new LinkedHashSet<>(query.expressionAttributeNames().keySet());
    unusedNames.removeAll(used);
    Set<String> unusedValues = new LinkedHashSet<>(query.expressionAttributeValues().keySet());
    unusedValues.removeAll(used);
    assertThat(unusedNames)
        .withFailMessage(
            "ExpressionAttributeNames defines %s, which no expression uses; DynamoDB refuses a"
                + " request with unused placeholders",
            unusedNames)
        .isEmpty();
    assertThat(unusedValues)
        .withFailMessage(
            "ExpressionAttributeValues defines %s, which no expression uses; DynamoDB refuses a"
                + " request with unused placeholders",
            unusedValues)
        .isEmpty();
  }

  @Test
  @Points(1)
  @Checks({"7.3", "7.4", "7.5"})
  @DisplayName("minAge is sent as a number value (N), the status as a string value (S)")
  void valuesHaveTheRightTypes(Submission submission) {
    // when
    QueryRequest query = run(submission).get(0);
    ConditionExpression filter = read("FilterExpression", query.filterExpression(), query);
    ConditionExpression key = read("KeyConditionExpression", query.keyConditionExpression(), query);

    // then
    assertThat(filter.valuesUsed())
        .withFailMessage(
            "The FilterExpression \"%s\" should compare age with minAge through a :placeholder"
                + " in ExpressionAttributeValues",
            filter.text())
        .isNotEmpty();
    for (AttributeValue value : filter.valuesUsed()) {
      assertThat(value.n())
          .withFailMessage(
              "age is a number attribute, so minAge must be sent as a number value,"
                  + " AttributeValue.fromN(\"%d\"); the filter's value is %s. A string value"
                  + " never equals or orders against a number in DynamoDB.",
              MIN_AGE, value)
          .isEqualTo(Integer.toString(MIN_AGE));
    }
    for (AttributeValue value : key.valuesUsed()) {
      assertThat(value)
          .withFailMessage(
              "The status should be sent as a string value, AttributeValue.fromS(\"%s\"); the key"
                  + " condition's value is %s",
              STATUS, value)
          .isEqualTo(AttributeValue.fromS(STATUS));
    }
  }

  @Test
  @Points(3)
  @Checks({"7.8", "7.10"})
  @DisplayName("Every page is read: LastEvaluatedKey goes back as ExclusiveStartKey to the end")
  void everyPageIsRead(Submission submission) {
    // given
    UserQuery query = submission.create(UserQuery.class, index.client(), TABLE);

    // when
    List<Map<String, AttributeValue>> users =
        call("usersWithStatus(\"active\", 30)", () -> query.usersWithStatus(STATUS, MIN_AGE));

    // then
    List<QueryRequest> queries = index.queries();
    List<QueryResponse> pages = index.responses();
    assertThat(pages.isEmpty() ? null : pages.get(pages.size() - 1).hasLastEvaluatedKey())
        .withFailMessage(
            "DynamoDB answered %d page(s) and the last of them still had a LastEvaluatedKey: a"
                + " query is complete only after a response without LastEvaluatedKey (a page may"
                + " even be empty and still have one). The pages held %s.",
            pages.size(), describePages(pages))
        .isFalse();
    for (int page = 1; page < queries.size(); page++) {
      assertThat(queries.get(page).exclusiveStartKey())
          .withFailMessage(
              "Query %d should send the LastEvaluatedKey of page %d as ExclusiveStartKey",
              page + 1, page)
          .isEqualTo(pages.get(page - 1).lastEvaluatedKey());
      QueryRequest first = queries.get(0);
      QueryRequest later = queries.get(page);
      assertThat(
              Objects.equals(first.keyConditionExpression(), later.keyConditionExpression())
                  && Objects.equals(first.filterExpression(), later.filterExpression())
                  && Objects.equals(first.indexName(), later.indexName())
                  && first.expressionAttributeValues().equals(later.expressionAttributeValues()))
          .withFailMessage(
              "Query %d should repeat the first query's index, expressions and values; only"
                  + " ExclusiveStartKey changes from page to page",
              page + 1)
          .isTrue();
    }
    List<Map<String, AttributeValue>> served =
        pages.stream().flatMap(page -> page.items().stream()).toList();
    assertThat(users)
        .withFailMessage(
            "usersWithStatus should return the items of all %d pages in order, %s; it returned %s",
            pages.size(), ids(served), ids(users))
        .isEqualTo(served);
  }

  @Test
  @Points(2)
  @Checks({"7.3"})
  @DisplayName("The status is matched exactly as given: case, spaces and accents count")
  void statusIsMatchedExactly(Submission submission) {
    // given: statuses that differ only by case, surrounding spaces or accents
    List<String> statuses = List.of("Active", "active", "ACTIVE", " Active", "Active ", "Activé");
    List<Map<String, AttributeValue>> users = new ArrayList<>();
    for (int i = 0; i < statuses.size(); i++) {
      users.add(user("s" + i, "User " + i, statuses.get(i), 40));
    }
    for (String status : statuses) {
      UsersIndex exact = UsersIndex.serving(users);
      UserQuery query = submission.create(UserQuery.class, exact.client(), TABLE);
      String described = "usersWithStatus(\"" + status + "\", 0)";

      // when
      List<Map<String, AttributeValue>> found =
          call(described, () -> query.usersWithStatus(status, 0));

      // then
      List<Map<String, AttributeValue>> expected =
          users.stream().filter(user -> user.get("status").s().equals(status)).toList();
      assertThat(found)
          .withFailMessage(
              "%s should return only the user whose status is exactly \"%s\" (%s): the status"
                  + " is sent as given, never trimmed or changed in case; it returned %s, and"
                  + " the key condition's values were %s.",
              described,
              status,
              ids(expected),
              ids(found),
              exact.queries().isEmpty()
                  ? "not sent"
                  : exact.queries().get(0).expressionAttributeValues())
          .isEqualTo(expected);
    }
  }

  @Test
  @Points(1)
  @Checks({"7.11"})
  @DisplayName("A blank status or a negative minAge is refused with IllegalArgumentException")
  void badArgumentsAreRefused(Submission submission) {
    // when
    UserQuery query = submission.create(UserQuery.class, index.client(), TABLE);

    // then
    expectIllegalArgument("usersWithStatus(null, 30)", () -> query.usersWithStatus(null, 30));
    expectIllegalArgument("usersWithStatus(\"\", 30)", () -> query.usersWithStatus("", 30));
    expectIllegalArgument("usersWithStatus(\"  \", 30)", () -> query.usersWithStatus("  ", 30));
    expectIllegalArgument(
        "usersWithStatus(\"active\", -1)", () -> query.usersWithStatus(STATUS, -1));
    assertThat(index.requests())
        .withFailMessage(
            "Nothing should be sent for a bad argument, but DynamoDB received %d" + " request(s)",
            index.requests().size())
        .isEmpty();
    call("usersWithStatus(\"active\", 0)", () -> query.usersWithStatus(STATUS, 0));
  }

  @Test
  @Points(1)
  @Checks({"7.9"})
  @DisplayName("A DynamoDB failure propagates instead of looking like \"no users\"")
  void failurePropagates(Submission submission) {
    // when / then
    List<RuntimeException> failures =
        List.of(
            dynamoDbError(
                "ProvisionedThroughputExceededException",
                "The level of configured provisioned" + " throughput for the table was exceeded"),
            SdkClientException.create("Unable to execute HTTP request: connect timed out"));
    for (RuntimeException failure : failures) {
      UserQuery query =
          submission.create(UserQuery.class, UsersIndex.failingWith(failure).client(), TABLE);
      expectPropagated("usersWithStatus", failure, () -> query.usersWithStatus(STATUS, MIN_AGE));
    }
  }

  @Test
  @Points(1)
  @Checks({"7.9"})
  @DisplayName("A failure on a later page propagates instead of the users of the first page")
  void laterPageFailurePropagates(Submission submission) {
    // given
    RuntimeException failure =
        SdkClientException.create("Unable to execute HTTP request: connection reset");
    Map<String, AttributeValue> firstUser = user("u01", "Ada", STATUS, 36);
    DynamoDbDouble dynamoDb =
        new DynamoDbDouble("Your code sent more than 100 Query requests without stopping.", "Query")
            .on(
                QueryRequest.class,
                request -> {
                  if (request.hasExclusiveStartKey()) {
                    throw failure;
                  }
                  return QueryResponse.builder()
                      .items(firstUser)
                      .count(1)
                      .lastEvaluatedKey(UsersIndex.lastKeyOf(firstUser))
                      .build();
                });
    UserQuery query = submission.create(UserQuery.class, dynamoDb.client(), TABLE);

    // when / then
    expectPropagated(
        "usersWithStatus when its second page fails",
        failure,
        () -> query.usersWithStatus(STATUS, MIN_AGE));
  }

  @Test
  @Points(1)
  @Checks({"7.10"})
  @DisplayName("No matching user gives an empty list, not null")
  void noMatchGivesAnEmptyList(Submission submission) {
    // given
    UsersIndex nobodyActive = UsersIndex.serving(List.of(user("u09", "Ken", "inactive", 50)));
    UserQuery query = submission.create(UserQuery.class, nobodyActive.client(), TABLE);

    // when
    List<Map<String, AttributeValue>> users =
        call("usersWithStatus(\"active\", 30) when no user is active",
            () -> query.usersWithStatus(STATUS, MIN_AGE));

    // then
    assertThat(users)
        .withFailMessage(
            "usersWithStatus(\"active\", 30) should return an empty list when no user has the"
                + " status active, but it returned %s",
            users)
        .isEmpty();
  }

  /** Runs the query for ("active", 30) and returns the requests it sent, at least one. */
  private List<QueryRequest> run(Submission submission) {
    UserQuery query = submission.create(UserQuery.class, index.client(), TABLE);
    call("usersWithStatus(\"active\", 30)", () -> query.usersWithStatus(STATUS, MIN_AGE));
    List<QueryRequest> queries = index.queries();
    assertThat(queries)
        .withFailMessage(
            "usersWithStatus should send a Query request; DynamoDB received %s",
            index.requests().isEmpty() ? "nothing" : index.requests())
        .isNotEmpty();
    return queries;
  }

  private static ConditionExpression read(String which, String text, QueryRequest query) {
    if (text == null || text.isBlank()) {
      throw new AssertionError("The Query has no " + which + "; the contract asks for one");
    }
    try {
      return ConditionExpression.read(
          text, query.expressionAttributeNames(), query.expressionAttributeValues());
    } catch (ConditionExpression.Unreadable unreadable) {
      throw new AssertionError(
          "The "
              + which
              + " \""
              + text
              + "\" should be an expression DynamoDB accepts, but DynamoDB refuses it: "
              + unreadable.getMessage()
              + ". ExpressionAttributeNames: "
              + query.expressionAttributeNames()
              + ", ExpressionAttributeValues: "
              + query.expressionAttributeValues(),
          unreadable);
    }
  }

  private static ConditionExpression readQuietly(String text, QueryRequest query) {
    try {
      return ConditionExpression.read(
          text, query.expressionAttributeNames(), query.expressionAttributeValues());
    } catch (ConditionExpression.Unreadable unreadable) {
      return null;
    }
  }

  /** Returns the words of an expression that are neither placeholders nor keywords. */
  private static Set<String> words(String expression) {
    Set<String> words = new LinkedHashSet<>();
    Matcher word = Pattern.compile("(?<![#:\\w])[A-Za-z_][A-Za-z0-9_]*").matcher(expression);
    while (word.find()) {
      String found = word.group();
      if (!Set.of("AND", "OR", "NOT", "BETWEEN", "IN").contains(found.toUpperCase(Locale.ROOT))) {
        words.add(found);
      }
    }
    return words;
  }

  private static Map<String, AttributeValue> user(String id, String name, String status, int age) {
    return Map.of(
        "user_id", AttributeValue.fromS(id),
        "name", AttributeValue.fromS(name),
        "status", AttributeValue.fromS(status),
        "age", AttributeValue.fromN(Integer.toString(age)));
  }

  private static Map<String, AttributeValue> probe(String status, Integer age) {
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    item.put("user_id", AttributeValue.fromS("probe"));
    item.put("name", AttributeValue.fromS("Probe"));
    item.put("status", AttributeValue.fromS(status));
    if (age != null) {
      item.put("age", AttributeValue.fromN(Integer.toString(age)));
    }
    return item;
  }

  private static List<String> ids(List<Map<String, AttributeValue>> items) {
    List<String> ids = new ArrayList<>();
    for (Map<String, AttributeValue> item : items) {
      AttributeValue id = item == null ? null : item.get("user_id");
      ids.add(id == null ? String.valueOf(item) : id.s());
    }
    return ids;
  }

  private static String describePages(List<QueryResponse> pages) {
    List<String> described = new ArrayList<>();
    for (QueryResponse page : pages) {
      described.add(ids(page.items()) + (page.hasLastEvaluatedKey() ? " +LastEvaluatedKey" : ""));
    }
    return String.join(", ", described);
  }

  private static <T> T call(String described, java.util.function.Supplier<T> action) {
    return resultOf(described, "the contract expects a list, never null", action);
  }
}
