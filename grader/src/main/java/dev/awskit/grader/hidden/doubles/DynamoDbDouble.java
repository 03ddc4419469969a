package dev.awskit.grader.hidden.doubles;

import static dev.awskit.grader.hidden.ServiceErrors.dynamoDbError;
import static dev.awskit.grader.hidden.ServiceErrors.dynamoDbValidation;

import dev.awskit.grader.hidden.doubles.WriteCondition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Hands a submission a {@link DynamoDbClient} that records every request and answers it with the
 * handler a test registered for the request's type.
 *
 * <p>As a {@link ClientDouble}, it lets {@code scanPaginator}, {@code scan(Consumer)} and a
 * hand-written loop over {@code scan(ScanRequest)} reach the same handler, so they are graded
 * alike.
 */
public final class DynamoDbDouble extends ClientDouble<DynamoDbClient> {

  /** More requests than any correct solution of a test sends: a loop that never ends. */
  private static final int MAX_REQUESTS = 100;

  /** The table's partition key, a string. */
  static final String KEY = "user_id";

  private final Map<Class<?>, Function<SdkRequest, Object>> handlers = new HashMap<>();
  /** The items of {@link #table()}, by key, in the order they were first stored. */
  private final Map<AttributeValue, Map<String, AttributeValue>> stored = new LinkedHashMap<>();
  private volatile String lastRefusal;

  private final String askedFor;

  /** Creates the double of question 6, which scans a table page by page. */
  public DynamoDbDouble() {
    this(
        "Your code sent more than " + MAX_REQUESTS + " requests to DynamoDB without stopping."
            + " A scan must send each page's LastEvaluatedKey as the next request's"
            + " ExclusiveStartKey and stop when a response has no LastEvaluatedKey.",
        "PutItem, GetItem, DeleteItem and Scan");
  }

  /**
   * Creates a double for a question that asks for {@code askedFor} (such as {@code "PutItem"}),
   * with what the student reads when the code sends requests without stopping.
   */
  public DynamoDbDouble(String runawayMessage, String askedFor) {
    super(DynamoDbClient.class, MAX_REQUESTS, runawayMessage);
    this.askedFor = askedFor;
  }

  /** Answers every request of {@code type} with {@code handler}. */
  public <R extends SdkRequest> DynamoDbDouble on(Class<R> type, Function<R, Object> handler) {
    handlers.put(type, request -> handler.apply(type.cast(request)));
    return this;
  }

  /** Answers every request of {@code type} by throwing {@code failure}. */
  public DynamoDbDouble failOn(Class<? extends SdkRequest> type, RuntimeException failure) {
    handlers.put(
        type,
        request -> {
          throw failure;
        });
    return this;
  }

  /**
   * Serves a table as Scan pages: the first request (no {@code ExclusiveStartKey}) gets page 0,
   * and a request whose {@code ExclusiveStartKey} is page i's {@code LastEvaluatedKey} gets page
   * i + 1. Every page but the last has a {@code LastEvaluatedKey}, even an empty page. The
   * optional {@code failingPage} is answered with {@code failure} instead.
   */
  public DynamoDbDouble scanPages(
      List<List<Map<String, AttributeValue>>> pages, int failingPage, RuntimeException failure) {
    Map<Map<String, AttributeValue>, Integer> nextPage = new HashMap<>();
    List<Map<String, AttributeValue>> lastKeys = new ArrayList<>();
    for (int page = 0; page < pages.size() - 1; page++) {
      Map<String, AttributeValue> lastKey =
          Map.of("user_id", AttributeValue.fromS("last-evaluated-on-page-" + (page + 1)));
      lastKeys.add(lastKey);
      nextPage.put(lastKey, page + 1);
    }
    return on(
        ScanRequest.class,
        request -> {
          int page = 0;
          if (request.hasExclusiveStartKey()) {
            Integer next = nextPage.get(request.exclusiveStartKey());
            if (next == null) {
              throw dynamoDbError(
                  "ValidationException",
                  "The provided starting key is invalid: " + request.exclusiveStartKey());
            }
            page = next;
          }
          if (page == failingPage) {
            throw failure;
          }
          ScanResponse.Builder response =
              ScanResponse.builder()
                  .items(pages.get(page))
                  .count(pages.get(page).size())
                  .scannedCount(pages.get(page).size());
          if (page < pages.size() - 1) {
            response.lastEvaluatedKey(lastKeys.get(page));
          }
          return response.build();
        });
  }

  /**
   * Serves the table itself: PutItem stores the item under its key {@value #KEY} (replacing the
   * item there), GetItem returns it, DeleteItem removes it, as DynamoDB does; a write whose
   * {@code ConditionExpression} does not hold on the stored item is refused with a
   * ConditionalCheckFailedException and changes nothing ({@link WriteCondition}), and an item or
   * key without its key attribute is refused with DynamoDB's ValidationException.
   */
  public DynamoDbDouble table() {
    on(PutItemRequest.class, request -> {
      AttributeValue key = keyOf(request.item(), "item");
      Map<String, AttributeValue> old = stored.getOrDefault(key, Map.of());
      WriteCondition.check(request.conditionExpression(), request.expressionAttributeNames(),
          request.expressionAttributeValues(), old);
      stored.put(key, Map.copyOf(request.item()));
      PutItemResponse.Builder response = PutItemResponse.builder();
      return request.returnValues() == ReturnValue.ALL_OLD && !old.isEmpty()
          ? response.attributes(old).build() : response.build();
    });
    on(GetItemRequest.class, request -> {
      Map<String, AttributeValue> item = stored.get(keyOf(request.key(), "key"));
      return item == null
          ? GetItemResponse.builder().build() : GetItemResponse.builder().item(item).build();
    });
    on(DeleteItemRequest.class, request -> {
      AttributeValue key = keyOf(request.key(), "key");
      Map<String, AttributeValue> old = stored.getOrDefault(key, Map.of());
      WriteCondition.check(request.conditionExpression(), request.expressionAttributeNames(),
          request.expressionAttributeValues(), old);
      stored.remove(key);
      DeleteItemResponse.Builder response = DeleteItemResponse.builder();
      return request.returnValues() == ReturnValue.ALL_OLD && !old.isEmpty()
          ? response.attributes(old).build() : response.build();
    });
    return this;
  }

  /** Returns the items the table holds, in the order they were first stored. */
  public List<Map<String, AttributeValue>> items() {
    return List.copyOf(stored.values());
  }

  /**
   * Serves the stored items as Scan pages of the given sizes, in the order they were stored (see
   * {@link #scanPages}); the sizes must add up to the number of items.
   */
  public DynamoDbDouble scanStoredItems(int... pageSizes) {
    List<Map<String, AttributeValue>> items = items();
    List<List<Map<String, AttributeValue>>> pages = new ArrayList<>();
    int from = 0;
    for (int size : pageSizes) {
      pages.add(items.subList(from, from + size));
      from += size;
    }
    if (from != items.size()) {
      throw new IllegalArgumentException("pages of " + from + " items for " + items.size());
    }
    return scanPages(pages, -1, null);
  }

  /**
   * Serves the stored items as DynamoDB serves a Scan of the table, in the order they were
   * stored: each page reads from the item after the request's {@code ExclusiveStartKey} up to
   * {@code pageSize} or the request's {@code Limit}, and a page that stopped there has the key of
   * its last item as {@code LastEvaluatedKey}.
   */
  public DynamoDbDouble scanStoredItems(PageSize pageSize) {
    return on(ScanRequest.class, request -> {
      if (request.limit() != null && request.limit() < 1) {
        // Source: "Limit" (minimum value of 1) in
        // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Scan.html
        throw dynamoDbValidation("1 validation error detected: Value '" + request.limit()
            + "' at 'limit' failed to satisfy constraint: Member must have value greater than or"
            + " equal to 1");
      }
      List<Map<String, AttributeValue>> items = items();
      int start = 0;
      if (request.hasExclusiveStartKey()) {
        Map<String, AttributeValue> after = stored.get(keyOf(request.exclusiveStartKey(), "key"));
        if (after == null) {
          throw dynamoDbValidation(
              "The provided starting key is invalid: " + request.exclusiveStartKey());
        }
        start = items.indexOf(after) + 1;
      }
      PageSize.Page page = pageSize.read(items, start, request.limit());
      ScanResponse.Builder response = ScanResponse.builder().items(page.items())
          .count(page.items().size()).scannedCount(page.items().size());
      if (page.full()) {
        Map<String, AttributeValue> last = page.items().get(page.items().size() - 1);
        response.lastEvaluatedKey(Map.of(KEY, last.get(KEY)));
      }
      return response.build();
    });
  }

  /**
   * Returns the value of the table's key in {@code item} (an item or a key), or throws the
   * ValidationException DynamoDB answers an item or key without it, or with another type, with.
   */
  private static AttributeValue keyOf(Map<String, AttributeValue> item, String what) {
    AttributeValue key = item.get(KEY);
    if (key == null) {
      throw dynamoDbValidation(what.equals("item")
          ? "One or more parameter values were invalid: Missing the key " + KEY + " in the item"
          : "The provided key element does not match the schema");
    }
    if (key.s() == null) {
      throw dynamoDbValidation(what.equals("item")
          ? "One or more parameter values were invalid: Type mismatch for key " + KEY
              + " expected: S actual: " + key.type()
          : "The provided key element does not match the schema");
    }
    return key;
  }

  /**
   * Throws the ValidationException DynamoDB answers a request with before it reads anything:
   * PutItem and DeleteItem return nothing or the old item only ({@code ReturnValues} NONE or
   * ALL_OLD; "ReturnValues" in the PutItem and DeleteItem API references).
   */
  private static void refuseWhatDynamoDbRefuses(SdkRequest request) {
    ReturnValue returnValues = null;
    if (request instanceof PutItemRequest put) {
      returnValues = put.returnValues();
    } else if (request instanceof DeleteItemRequest delete) {
      returnValues = delete.returnValues();
    }
    if (returnValues != null
        && returnValues != ReturnValue.NONE
        && returnValues != ReturnValue.ALL_OLD) {
      throw dynamoDbValidation("Return values set to invalid value");
    }
  }

  /** Names the requests received, for failure messages. */
  public String describeRequests() {
    List<SdkRequest> all = requests();
    if (all.isEmpty()) {
      return "no request at all";
    }
    List<String> names = new ArrayList<>();
    for (SdkRequest request : all) {
      names.add(request.getClass().getSimpleName().replace("Request", ""));
    }
    return String.join(", ", names);
  }

  /** Returns what DynamoDB refused last ("ErrorCode: message"), or null if it refused nothing. */
  public String lastRefusal() {
    return lastRefusal;
  }

  @Override
  protected Object respond(SdkRequest request, String operation) {
    Function<SdkRequest, Object> handler = handlers.get(request.getClass());
    try {
      refuseWhatDynamoDbRefuses(request);
      if (handler != null) {
        return handler.apply(request);
      }
    } catch (DynamoDbException refused) {
      lastRefusal = refused.awsErrorDetails() == null
          ? refused.getMessage()
          : refused.awsErrorDetails().errorCode() + ": " + refused.awsErrorDetails().errorMessage();
      throw refused;
    }
    throw new AssertionError(
        "This test does not expect a "
            + operation
            + " request; the question asks for "
            + askedFor
            + " only.");
  }
}
