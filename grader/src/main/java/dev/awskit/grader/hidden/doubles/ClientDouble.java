package dev.awskit.grader.hidden.doubles;

import static org.mockito.Mockito.mock;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.mockito.Mockito;
import org.mockito.invocation.InvocationOnMock;
import org.mockito.stubbing.Answer;
import software.amazon.awssdk.core.SdkRequest;

/**
 * Stands in for an AWS SDK client: hands a submission a Mockito mock of the client interface,
 * records every request it receives and answers each one with the handler a test registered for
 * the request's type.
 *
 * <p>Every operation of an SDK v2 client interface is a default method. The {@code
 * Consumer<Builder>} overloads, the paginators and the conveniences ({@code getObject(request,
 * Path)}, {@code getObjectAsBytes}, {@code putObject(request, Path)}) run their real code, which
 * builds the request (or walks the pages) and calls the request-object overload, with the request
 * body or the response transformer where the operation streams; that overload is recorded and
 * answered. So either builder style, a paginator and a hand-written page loop are graded alike. A
 * loop that never stops is cut short after a number of requests no correct solution reaches, with
 * a message that tells the student what to fix.
 *
 * @param <C> the client interface, such as {@code DynamoDbClient}
 */
public abstract class ClientDouble<C> implements Answer<Object> {

  private final C client;
  private final int maxRequests;
  private final String runawayMessage;
  private final String askedFor;
  private final List<SdkRequest> requests = Collections.synchronizedList(new ArrayList<>());
  private final Map<Class<?>, BiFunction<SdkRequest, Object, Object>> handlers =
      new ConcurrentHashMap<>();

  /**
   * Creates a double of {@code clientType}.
   *
   * @param clientType the client interface to mock
   * @param maxRequests more requests than any correct solution of a test sends
   * @param runawayMessage what the student reads when the code sends more than {@code
   *     maxRequests} requests
   * @param askedFor the operations the question asks for, as the student reads them in a message
   *     about an unexpected request, such as {@code "PutItem and Publish"}
   */
  protected ClientDouble(
      Class<C> clientType, int maxRequests, String runawayMessage, String askedFor) {
    this.maxRequests = maxRequests;
    this.runawayMessage = runawayMessage;
    this.askedFor = askedFor;
    // The mock only calls back into answer() once the submission uses it.
    this.client = mock(clientType, this);
  }

  /** Creates a double whose subclass answers every request itself, by overriding respond. */
  protected ClientDouble(Class<C> clientType, int maxRequests, String runawayMessage) {
    this(clientType, maxRequests, runawayMessage, "other operations");
  }

  /** Returns the client to hand to the submission. */
  public final C client() {
    return client;
  }

  /** Returns the requests received through any overload, in order, as request objects. */
  public final List<SdkRequest> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  /** Returns the requests of one type received, in order. */
  public final <R extends SdkRequest> List<R> requests(Class<R> type) {
    return requests().stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** Names the operations received, in order, for failure messages: {@code "Scan, Scan"}. */
  public final String describeOperations() {
    List<SdkRequest> all = requests();
    if (all.isEmpty()) {
      return "no request at all";
    }
    return String.join(
        ", ",
        all.stream()
            .map(request -> request.getClass().getSimpleName().replaceFirst("Request$", ""))
            .toList());
  }

  /**
   * Answers every later request of {@code type} with {@code handler}, which receives the request
   * and the request body or response transformer of a streaming operation ({@code null} for the
   * others) and returns the response or throws what the service would throw.
   */
  protected final <R extends SdkRequest> void handle(
      Class<R> type, BiFunction<R, Object, Object> handler) {
    handlers.put(type, (request, attachment) -> handler.apply(type.cast(request), attachment));
  }

  /**
   * Answers one request, after it was recorded: returns the response or throws what the service
   * would throw, or an {@link AssertionError} whose message tells the student the request was not
   * expected.
   *
   * @param request the request the submission sent
   * @param operation the name of the client method that received it, such as {@code query}
   */
  protected Object respond(SdkRequest request, String operation) throws Throwable {
    return respond(request, operation, null);
  }

  /**
   * Answers one request of a streaming operation, with its request body or response transformer.
   */
  protected Object respond(SdkRequest request, String operation, Object attachment)
      throws Throwable {
    BiFunction<SdkRequest, Object, Object> handler = handlers.get(request.getClass());
    if (handler == null) {
      throw new AssertionError(
          "This test does not expect a " + operation + " request; the question asks for "
              + askedFor + " only.");
    }
    return handler.apply(request, attachment);
  }

  @Override
  public final Object answer(InvocationOnMock invocation) throws Throwable {
    Method method = invocation.getMethod();
    Object[] arguments = invocation.getArguments();
    if (RequestOverloads.carriesTheRequest(method, arguments)) {
      SdkRequest request = (SdkRequest) arguments[0];
      if (requests.size() >= maxRequests) {
        throw new AssertionError(runawayMessage);
      }
      requests.add(request);
      return arguments.length == 1
          ? respond(request, method.getName())
          : respond(request, method.getName(), arguments[1]);
    }
    if (method.isDefault()
        && arguments.length > 0
        && (arguments[0] instanceof Consumer || arguments[0] instanceof SdkRequest)) {
      // Builds the request, walks the pages or wraps the body, then calls an overload above.
      return invocation.callRealMethod();
    }
    return Mockito.RETURNS_DEFAULTS.answer(invocation);
  }
}
