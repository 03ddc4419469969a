package dev.awskit.grader.hidden.q06;

import static org.mockito.Mockito.mock;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.mockito.Mockito;
import org.mockito.invocation.InvocationOnMock;
import org.mockito.stubbing.Answer;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Hands a submission a {@link DynamoDbClient} that records every request and answers it with the
 * handler a test registered for the request's type.
 *
 * <p>Every method of {@code DynamoDbClient} is a default method. The {@code Consumer<Builder>}
 * overloads and the paginators run their real code, which builds the request (or iterates the
 * pages) and calls the request-object overload; that overload reaches the registered handler. So
 * {@code scanPaginator}, {@code scan(Consumer)} and a hand-written loop over
 * {@code scan(ScanRequest)} are graded alike.
 */
final class DynamoDbDouble implements Answer<Object> {

  /** More requests than any correct solution of a test sends: a loop that never ends. */
  private static final int MAX_REQUESTS = 100;

  private final DynamoDbClient client = mock(DynamoDbClient.class, this);
  private final List<SdkRequest> requests = Collections.synchronizedList(new ArrayList<>());
  private final Map<Class<?>, Function<SdkRequest, Object>> handlers = new HashMap<>();

  /** Returns the client to hand to the submission. */
  DynamoDbClient client() {
    return client;
  }

  /** Answers every request of {@code type} with {@code handler}. */
  <R extends SdkRequest> DynamoDbDouble on(Class<R> type, Function<R, Object> handler) {
    handlers.put(type, request -> handler.apply(type.cast(request)));
    return this;
  }

  /** Answers every request of {@code type} by throwing {@code failure}. */
  DynamoDbDouble failOn(Class<? extends SdkRequest> type, RuntimeException failure) {
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
  DynamoDbDouble scanPages(
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
              throw serviceError(
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

  /** Returns the requests received through any overload, in order, as request objects. */
  List<SdkRequest> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  /** Returns the requests of one type received, in order. */
  <R extends SdkRequest> List<R> requests(Class<R> type) {
    return requests().stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** Names the requests received, for failure messages. */
  String describeRequests() {
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

  /** Builds the exception the service would throw, with an error code and a status. */
  static DynamoDbException serviceError(String code, String message) {
    return (DynamoDbException)
        DynamoDbException.builder()
            .message(message)
            .statusCode(400)
            .awsErrorDetails(
                AwsErrorDetails.builder()
                    .errorCode(code)
                    .errorMessage(message)
                    .serviceName("DynamoDb")
                    .build())
            .build();
  }

  @Override
  public Object answer(InvocationOnMock invocation) throws Throwable {
    Method method = invocation.getMethod();
    Object[] arguments = invocation.getArguments();
    boolean consumerOverload = arguments.length == 1 && arguments[0] instanceof Consumer;
    if (method.isDefault() && (consumerOverload || method.getName().endsWith("Paginator"))) {
      // Builds the request or walks the pages, then calls the request-object overload below.
      return invocation.callRealMethod();
    }
    if (arguments.length == 1 && arguments[0] instanceof SdkRequest request) {
      if (requests.size() >= MAX_REQUESTS) {
        throw new AssertionError(
            "Your code sent more than "
                + MAX_REQUESTS
                + " requests to DynamoDB without"
                + " stopping. A scan must send each page's LastEvaluatedKey as the next"
                + " request's ExclusiveStartKey and stop when a response has no"
                + " LastEvaluatedKey.");
      }
      requests.add(request);
      Function<SdkRequest, Object> handler = handlers.get(request.getClass());
      if (handler != null) {
        return handler.apply(request);
      }
      throw new AssertionError(
          "This test does not expect a "
              + method.getName()
              + " request; the question asks for"
              + " PutItem, GetItem, DeleteItem and Scan only.");
    }
    return Mockito.RETURNS_DEFAULTS.answer(invocation);
  }
}
