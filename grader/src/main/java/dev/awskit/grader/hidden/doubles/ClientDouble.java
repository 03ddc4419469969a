package dev.awskit.grader.hidden.doubles;

import static org.mockito.Mockito.mock;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import org.mockito.Mockito;
import org.mockito.invocation.InvocationOnMock;
import org.mockito.stubbing.Answer;
import software.amazon.awssdk.core.SdkRequest;

/**
 * Stands in for an AWS SDK client: hands a submission a Mockito mock of the client interface,
 * records every request it receives and lets a subclass answer each one.
 *
 * <p>Every operation of an SDK v2 client interface is a default method. The {@code
 * Consumer<Builder>} overloads and the paginators run their real code, which builds the request
 * (or walks the pages) and calls the request-object overload; that overload is recorded and
 * reaches {@link #respond}. So either builder style, a paginator and a hand-written page loop are
 * graded alike. A loop that never stops is cut short after a number of requests no correct
 * solution reaches, with a message that tells the student what to fix.
 *
 * @param <C> the client interface, such as {@code DynamoDbClient}
 */
public abstract class ClientDouble<C> implements Answer<Object> {

  private final C client;
  private final int maxRequests;
  private final String runawayMessage;
  private final List<SdkRequest> requests = Collections.synchronizedList(new ArrayList<>());

  /**
   * Creates a double of {@code clientType}.
   *
   * @param clientType the client interface to mock
   * @param maxRequests more requests than any correct solution of a test sends
   * @param runawayMessage what the student reads when the code sends more than {@code
   *     maxRequests} requests
   */
  protected ClientDouble(Class<C> clientType, int maxRequests, String runawayMessage) {
    this.maxRequests = maxRequests;
    this.runawayMessage = runawayMessage;
    // The mock only calls back into answer() once the submission uses it.
    this.client = mock(clientType, this);
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

  /**
   * Answers one request, after it was recorded: returns the response or throws what the service
   * would throw, or an {@link AssertionError} whose message tells the student the request was not
   * expected.
   *
   * @param request the request the submission sent
   * @param operation the name of the client method that received it, such as {@code query}
   */
  protected abstract Object respond(SdkRequest request, String operation) throws Throwable;

  @Override
  public final Object answer(InvocationOnMock invocation) throws Throwable {
    Method method = invocation.getMethod();
    Object[] arguments = invocation.getArguments();
    boolean consumerOverload = arguments.length == 1 && arguments[0] instanceof Consumer;
    if (method.isDefault() && (consumerOverload || method.getName().endsWith("Paginator"))) {
      // Builds the request or walks the pages, then calls the request-object overload below.
      return invocation.callRealMethod();
    }
    if (arguments.length == 1 && arguments[0] instanceof SdkRequest request) {
      if (requests.size() >= maxRequests) {
        throw new AssertionError(runawayMessage);
      }
      requests.add(request);
      return respond(request, method.getName());
    }
    return Mockito.RETURNS_DEFAULTS.answer(invocation);
  }
}
