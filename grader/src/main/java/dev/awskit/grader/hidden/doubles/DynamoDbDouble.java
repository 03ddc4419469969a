package dev.awskit.grader.hidden.doubles;

import static dev.awskit.grader.hidden.ServiceErrors.dynamoDbError;
import static dev.awskit.grader.hidden.ServiceErrors.dynamoDbValidation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
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

  private final Map<Class<?>, Function<SdkRequest, Object>> handlers = new HashMap<>();

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

  @Override
  protected Object respond(SdkRequest request, String operation) {
    refuseWhatDynamoDbRefuses(request);
    Function<SdkRequest, Object> handler = handlers.get(request.getClass());
    if (handler != null) {
      return handler.apply(request);
    }
    throw new AssertionError(
        "This test does not expect a "
            + operation
            + " request; the question asks for "
            + askedFor
            + " only.");
  }
}
