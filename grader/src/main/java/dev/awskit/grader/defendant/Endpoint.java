package dev.awskit.grader.defendant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Carries calls between the judge and the defendant, one endpoint on each side of a pair of
 * streams.
 *
 * <p>Each side exports objects (the other side holds proxies of them) and calls the other side's.
 * Calls nest both ways on one logical thread, a <em>conversation</em>: when the judge's test calls
 * the submission, which calls a double, which calls the submission's response transformer, each
 * call is served by the thread of its conversation that waits on that side, so the call stack is
 * the same as in one JVM. A call that starts a conversation (a parallel stream's thread in the
 * defendant) is served on a thread of its own. The interrupt flag travels with each call and its
 * answer, as it would on one thread.
 *
 * <p>Frames are length-prefixed JSON. What the defendant sends is not trusted: frames are capped,
 * types are checked before loading ({@link TypeAllowance}), only methods of the interfaces an
 * object was exported as can be called on it, and a malformed frame ends the pair.
 */
final class Endpoint implements AutoCloseable {

  /** Caps the judge's threads serving calls the defendant starts (a parallel stream's). */
  private static final int MAX_SERVERS = 8;

  /** Caps the calls the defendant starts that wait for one of those threads. */
  private static final int MAX_WAITING_CALLS = 64;

  private static final JsonNode ENDED = frame("ended");

  private final Wire wire;
  private final ClassLoader loader;
  private final BiPredicate<Method, Object[]> runsLocally;
  private final Codec codec = new Codec(this);
  private final boolean judge;
  private final AtomicLong ids = new AtomicLong();
  private final Handles handles;
  private final Map<Long, Conversation> conversations = new ConcurrentHashMap<>();
  private final ThreadLocal<Conversation> current = new ThreadLocal<>();
  private final ExecutorService servers;
  private final Probes probes = new Probes();
  private volatile String ended;
  private volatile Supplier<Optional<String>> whyEnded = Optional::empty;
  private volatile Consumer<Path> pathSent = path -> {};
  private volatile Supplier<Object> printed = List::of;

  /** Holds a logical thread's queue on this side and the thread that owns it. */
  private static final class Conversation {
    final long id;
    final Thread owner = Thread.currentThread();
    final BlockingQueue<JsonNode> queue = new LinkedBlockingQueue<>();

    Conversation(long id) {
      this.id = id;
    }
  }

  /**
   * Creates an endpoint.
   *
   * @param judge whether this is the judge's side, whose conversation numbers are positive
   * @param runsLocally which default methods a proxy runs here instead of calling across
   */
  Endpoint(
      InputStream in,
      OutputStream out,
      ClassLoader loader,
      boolean judge,
      BiPredicate<Method, Object[]> runsLocally) {
    this.wire = new Wire(in, out);
    this.loader = loader;
    this.judge = judge;
    this.runsLocally = runsLocally;
    this.handles = new Handles(judge, loader, id -> new ProxyCalls(this, id, runsLocally));
    String side = judge ? "awskit-judge-call" : "awskit-defendant-call";
    ThreadFactory threads =
        task -> {
          Thread thread = new Thread(task, side);
          thread.setDaemon(true);
          return thread;
        };
    // The judge serves the defendant's new conversations on a few threads: the defendant must
    // not be able to make the JVM that grades everyone start threads without end.
    this.servers =
        judge
            ? new ThreadPoolExecutor(
                MAX_SERVERS, MAX_SERVERS, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(MAX_WAITING_CALLS), threads)
            : Executors.newCachedThreadPool(threads);
  }

  ClassLoader loader() {
    return loader;
  }

  /** Returns the objects this side passed by handle, and its proxies and copies of the other's. */
  Handles handles() {
    return handles;
  }

  /** Reads and routes frames until the other side ends the pair; returns why it ended. */
  String serve() {
    try {
      while (true) {
        JsonNode message = wire.read();
        route(message);
      }
    } catch (EOFException closed) {
      end(ended != null ? ended : whyEnded.get().orElse("the channel was closed"));
    } catch (IOException | RuntimeException broken) {
      end("the channel broke: " + broken.getMessage());
    }
    return ended;
  }

  /** Starts reading frames on a thread of its own. */
  void serveInBackground(String name) {
    Thread reader = new Thread(this::serve, name);
    reader.setDaemon(true);
    reader.start();
  }

  private void route(JsonNode message) {
    String kind = message.path("k").asText();
    long conversation = message.path("c").asLong();
    Conversation waiting = conversations.get(conversation);
    switch (kind) {
      case "call" -> {
        if (waiting != null) {
          waiting.queue.add(message);
        } else {
          try {
            servers.execute(() -> serveCall(message, conversation));
          } catch (RejectedExecutionException tooMany) {
            ObjectNode refused = failure(new UncopyableValueException("more calls at once than a test makes"));
            send(refused.put("id", message.path("id").asLong()).put("c", conversation).put("i", false));
          }
        }
      }
      case "ret", "err" -> {
        if (waiting != null) {
          waiting.queue.add(message);
        }
      }
      case "int" -> {
        if (waiting != null) {
          waiting.owner.interrupt();
        }
      }
      case "where", "printed" -> {
        if (judge) {
          // The judge's stacks hold the hidden tests' names and lines.
          throw new IllegalStateException("a question the judge never answers");
        }
        answerProbe(kind, message, waiting);
      }
      case "here" -> probes.answered(message);
      default -> throw new IllegalStateException("a frame of an unknown kind");
    }
  }

  private void answerProbe(String kind, JsonNode message, Conversation waiting) {
    switch (kind) {
      case "where" -> answer(
          message,
          waiting == null
              ? Codec.nodes().arrayNode()
              : Errors.framesNode(waiting.owner.getStackTrace()));
      default -> answer(message, codec.write(printed.get()));
    }
  }

  /** Answers a probe from the reading thread, whatever the other threads here are doing. */
  private void answer(JsonNode probe, JsonNode value) {
    ObjectNode answer = frame("here").put("id", probe.path("id").asLong());
    answer.set("v", value);
    send(answer);
  }

  /**
   * Returns where the code that {@code thread} waits on runs on the other side, with {@code
   * thread}'s own callers below: the stack a time limit reports. Empty when {@code thread} waits
   * on nothing here, or the other side does not say within {@code patience}.
   */
  Optional<StackTraceElement[]> whereIs(Thread thread, Duration patience) {
    Conversation waiting =
        conversations.values().stream()
            .filter(conversation -> conversation.owner == thread)
            .findFirst()
            .orElse(null);
    if (waiting == null) {
      return Optional.empty();
    }
    return probe(frame("where").put("c", waiting.id), patience)
        .map(stack -> Errors.spliced(stack, thread.getStackTrace()));
  }

  /**
   * Returns what the other side's code printed since it was last asked, as its beginning and its
   * count of bytes; empty when it does not say within {@code patience}.
   */
  Optional<Object> printed(Duration patience) {
    return probe(frame("printed"), patience).map(codec::read);
  }

  /** Has {@code printed} answer the other side's question of what the code here printed. */
  void onPrintedAsked(Supplier<Object> printed) {
    this.printed = printed;
  }

  private Optional<JsonNode> probe(ObjectNode question, Duration patience) {
    return ended != null ? Optional.empty() : probes.ask(question, patience, this::send);
  }

  /** Has a channel that closes report {@code why} says, if it says anything, as the reason. */
  void onEnd(Supplier<Optional<String>> why) {
    this.whyEnded = why;
  }

  /** Has every path this side sends go through {@code handOver} first. */
  void onPathSent(Consumer<Path> handOver) {
    this.pathSent = handOver;
  }

  /** Hands {@code path} over to the other side, before it is sent there. */
  void sending(Path path) {
    pathSent.accept(path);
  }

  /** Tells whether the pair has ended: the other side closed or broke the channel, or this one. */
  boolean hasEnded() {
    return ended != null;
  }

  private void end(String why) {
    if (ended == null) {
      ended = why;
    }
    conversations.values().forEach(conversation -> conversation.queue.add(ENDED));
    servers.shutdownNow();
  }

  /** Calls {@code method} on the other side's object {@code target} and returns its result. */
  Object call(long target, Method method, Object[] arguments) throws Throwable {
    Conversation conversation = current.get();
    boolean starts = conversation == null;
    if (starts) {
      long id = ids.incrementAndGet();
      conversation = new Conversation(judge ? id : -id);
      current.set(conversation);
      conversations.put(conversation.id, conversation);
    }
    try {
      long callId = ids.incrementAndGet();
      ArrayNode values = Codec.nodes().arrayNode();
      if (arguments != null) {
        for (Object argument : arguments) {
          values.add(codec.write(argument));
        }
      }
      ObjectNode message =
          frame("call")
              .put("id", callId)
              .put("c", conversation.id)
              .put("to", target)
              .put("m", Handles.keyOf(method))
              .put("i", Thread.interrupted());
      message.set("a", values);
      send(message);
      return await(conversation, callId);
    } finally {
      if (starts) {
        conversations.remove(conversation.id);
        current.remove();
      }
    }
  }

  private Object await(Conversation conversation, long callId) throws Throwable {
    boolean interrupted = false;
    while (true) {
      JsonNode message;
      try {
        message = conversation.queue.take();
      } catch (InterruptedException stop) {
        // A test past its time limit: the code running on the other side is told, as a thread
        // of one JVM would be.
        interrupted = true;
        send(frame("int").put("c", conversation.id));
        continue;
      }
      if (message == ENDED) {
        throw new SubmissionProcessEnded(ended);
      }
      String kind = message.path("k").asText();
      if (kind.equals("call")) {
        serveNested(message);
        continue;
      }
      if (message.path("id").asLong() != callId) {
        throw new SubmissionProcessEnded("an answer to a call that was not made came back");
      }
      if (message.path("i").asBoolean() || interrupted) {
        Thread.currentThread().interrupt();
      }
      if (kind.equals("ret")) {
        return codec.read(message.get("v"));
      }
      Object thrown = codec.read(message.get("e"));
      throw thrown instanceof Throwable throwable
          ? throwable
          : new SubmissionProcessEnded("an exception that is none came back");
    }
  }

  private void serveCall(JsonNode message, long conversationId) {
    Conversation conversation = new Conversation(conversationId);
    current.set(conversation);
    conversations.put(conversationId, conversation);
    try {
      serveNested(message);
    } finally {
      conversations.remove(conversationId);
      current.remove();
    }
  }

  private void serveNested(JsonNode message) {
    long callId = message.path("id").asLong();
    long conversation = message.path("c").asLong();
    Thread.interrupted();
    ObjectNode answer;
    try {
      Handles.Exported target = handles.target(message.path("to").asLong());
      Method method = handles.resolve(target, message.path("m").asText());
      JsonNode values = message.path("a");
      Object[] arguments = new Object[values.size()];
      for (int i = 0; i < arguments.length; i++) {
        arguments[i] = codec.read(values.get(i));
      }
      if (message.path("i").asBoolean()) {
        Thread.currentThread().interrupt();
      }
      Object result = invoke(target, method, arguments);
      answer = frame("ret");
      answer.set("v", codec.write(result));
    } catch (InvocationTargetException thrown) {
      answer = failure(thrown.getCause());
    } catch (Throwable thrown) {
      answer = failure(thrown);
    }
    answer.put("id", callId).put("c", conversation).put("i", Thread.interrupted());
    send(answer);
  }

  private ObjectNode failure(Throwable thrown) {
    ObjectNode answer = frame("err");
    try {
      answer.set("e", codec.write(thrown));
    } catch (RuntimeException uncopyable) {
      answer.set("e", codec.write(new UncopyableValueException("an exception that cannot be read")));
    }
    return answer;
  }

  private static Object invoke(Handles.Exported target, Method method, Object[] arguments)
      throws InvocationTargetException, IllegalAccessException {
    if (method.getDeclaringClass() == Object.class) {
      return String.valueOf(target.target());
    }
    return method.invoke(target.target(), arguments);
  }

  private static ObjectNode frame(String kind) {
    return Wire.frame(kind);
  }

  private void send(ObjectNode message) {
    try {
      wire.write(message);
    } catch (IOException broken) {
      end("the channel broke: " + broken.getMessage());
      throw new SubmissionProcessEnded(ended);
    }
  }

  /** Stops serving and drops every conversation; the streams are the owner's to close. */
  @Override
  public void close() {
    if (ended == null) {
      ended = "the grader ended it";
    }
    end(ended);
  }
}
