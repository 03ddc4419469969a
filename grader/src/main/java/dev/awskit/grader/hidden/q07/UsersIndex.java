package dev.awskit.grader.hidden.q07;

import dev.awskit.grader.hidden.doubles.IndexQueryRules;
import dev.awskit.grader.hidden.doubles.ConditionExpression;
import static dev.awskit.grader.hidden.ServiceErrors.dynamoDbError;

import dev.awskit.grader.hidden.doubles.DynamoDbDouble;
import dev.awskit.grader.hidden.doubles.PageSize;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Holds the users of question 7's table and answers, through a {@link DynamoDbDouble}, {@code
 * Query} requests the way DynamoDB answers them on the index {@code status-index}: it evaluates the request's own key
 * condition and filter (through {@link ConditionExpression}), reads a page of the partition
 * <em>before</em> the filter, up to its {@link PageSize} (1 MB, or {@value #PAGE_SIZE} items where a
 * test needs many pages of small users) or the request's {@code Limit}, as DynamoDB does, and sets
 * {@code LastEvaluatedKey} whenever a page was full, so a query can end with an empty page.
 *
 * <p>Before it reads anything, it refuses what DynamoDB refuses ({@link IndexQueryRules}): a
 * request DynamoDB would answer with a ValidationException gets that exception here, so code that
 * would fail on every call in production fails every test that calls it. As a {@link
 * ClientDouble}, it lets the
 * {@code Consumer<Builder>} overloads and the paginators reach {@code query(QueryRequest)} as a
 * hand-written loop does.
 */
final class UsersIndex {

  /** Items read per page, before the filter. */
  static final int PAGE_SIZE = 2;

  private final List<Map<String, AttributeValue>> users;
  private final PageSize pageSize;
  private final RuntimeException failure;
  private final List<QueryResponse> responses = Collections.synchronizedList(new ArrayList<>());

  private final DynamoDbDouble dynamoDb =
      new DynamoDbDouble(
              "Your code sent more than 100 Query requests without stopping. Send each page's"
                  + " LastEvaluatedKey as the next request's ExclusiveStartKey and stop when a"
                  + " response has no LastEvaluatedKey.",
              "Query")
          .on(QueryRequest.class, this::serve);

  private UsersIndex(
      List<Map<String, AttributeValue>> users, PageSize pageSize, RuntimeException failure) {
    this.users = List.copyOf(users);
    this.pageSize = pageSize;
    this.failure = failure;
  }

  /** Returns the client to hand to the submission. */
  DynamoDbClient client() {
    return dynamoDb.client();
  }

  /**
   * Returns an index over {@code users}, in that order within each status, read
   * {@value #PAGE_SIZE} items per page: many pages of a few small users.
   */
  static UsersIndex serving(List<Map<String, AttributeValue>> users) {
    return serving(users, new PageSize.Items(PAGE_SIZE));
  }

  /** Returns an index over {@code users} whose pages end where {@code pageSize} says. */
  static UsersIndex serving(List<Map<String, AttributeValue>> users, PageSize pageSize) {
    return new UsersIndex(users, pageSize, null);
  }

  /** Returns an index whose every Query throws {@code failure}. */
  static UsersIndex failingWith(RuntimeException failure) {
    return new UsersIndex(List.of(), PageSize.ONE_MEGABYTE, failure);
  }

  /** Returns the Query requests received, in order, whichever overload was called. */
  List<QueryRequest> queries() {
    return dynamoDb.requests(QueryRequest.class);
  }

  /** Returns every request received, of any operation, in order. */
  List<SdkRequest> requests() {
    return dynamoDb.requests();
  }

  /** Returns the responses served, in order. */
  List<QueryResponse> responses() {
    synchronized (responses) {
      return List.copyOf(responses);
    }
  }

  private QueryResponse serve(QueryRequest request) {
    if (failure != null) {
      throw failure;
    }
    ConditionExpression key = IndexQueryRules.check(request);
    ConditionExpression filter =
        request.filterExpression() == null
            ? null
            : ConditionExpression.read(
                request.filterExpression(),
                request.expressionAttributeNames(),
                request.expressionAttributeValues());
    List<Map<String, AttributeValue>> partition = users.stream().filter(key::matches).toList();
    int start = 0;
    if (request.hasExclusiveStartKey()) {
      start = -1;
      for (int i = 0; i < partition.size(); i++) {
        if (lastKeyOf(partition.get(i)).equals(request.exclusiveStartKey())) {
          start = i + 1;
        }
      }
      if (start < 0) {
        throw validation("The provided starting key is invalid: " + request.exclusiveStartKey());
      }
    }
    PageSize.Page page = pageSize.read(partition, start, request.limit());
    List<Map<String, AttributeValue>> evaluated = page.items();
    List<Map<String, AttributeValue>> kept =
        filter == null ? evaluated : evaluated.stream().filter(filter::matches).toList();
    QueryResponse.Builder response =
        QueryResponse.builder().items(kept).count(kept.size()).scannedCount(evaluated.size());
    if (page.full()) {
      // DynamoDB stops at the page limit and cannot know whether more items follow.
      response.lastEvaluatedKey(lastKeyOf(evaluated.get(evaluated.size() - 1)));
    }
    QueryResponse built = response.build();
    responses.add(built);
    return built;
  }

  /** Returns the LastEvaluatedKey of an index item: the table key and the index key. */
  static Map<String, AttributeValue> lastKeyOf(Map<String, AttributeValue> item) {
    return Map.of("user_id", item.get("user_id"), "status", item.get("status"));
  }

  /** Builds the ValidationException that DynamoDB answers a request it refuses with. */
  static DynamoDbException validation(String message) {
    return dynamoDbError("ValidationException", message);
  }
}
