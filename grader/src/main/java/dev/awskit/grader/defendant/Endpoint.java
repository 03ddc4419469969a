package dev.awskit.grader.defendant;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.nio.file.Path;
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

  private static final int MAX_FRAME_BYTES = 64 << 20;
  private static final JsonNode ENDED = frame("ended");

  private static final String TO_STRING = "java.lang.Object#toString()";

  private final ObjectMapper json = JsonMapper.builder().build();
  private final DataInputStream in;
  private final DataOutputStream out;
  private final ClassLoader loader;
  private final BiPredicate<Method, Object[]> runsLocally;
  private final Codec codec = new Codec(this);
  private final boolean judge;
  private final AtomicLong ids = new AtomicLong();
  private final Map<Long, Exported> exported = new ConcurrentHashMap<>();
  private final Map<Object, Long> exportIds = Collections.synchronizedMap(new IdentityHashMap<>());
  private final Map<Object, Long> imported = Collections.synchronizedMap(new IdentityHashMap<>());
  private final Map<Long, Object> proxies = new ConcurrentHashMap<>();
  private final Map<Long, Conversation> conversations = new ConcurrentHashMap<>();
  private final ThreadLocal<Conversation> current = new ThreadLocal<>();
  private final ExecutorService servers;
  private final Map<Class<?>, Map<String, Method>> methods = new ConcurrentHashMap<>();
  private final Map<Long, CompletableFuture<JsonNode>> probes = new ConcurrentHashMap<>();
  private volatile String ended;
  private volatile Supplier<Optional<String>> whyEnded = Optional::empty;
  private volatile Consumer<Path> pathSent = path -> {};

  /**
   * Holds an exported object, what its calls go to (itself, or an adapter of a stream) and the
   * interfaces its proxies implement.
   */
  private record Exported(Object original, Object target, List<Class<?>> interfaces) {}

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
    this.in = new DataInputStream(in);
    this.out = new DataOutputStream(out);
    this.loader = loader;
    this.judge = judge;
    this.runsLocally = runsLocally;
    json.getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(8 * Codec.MAX_DEPTH)
                .maxStringLength(MAX_FRAME_BYTES)
                .build());
    String side = judge ? "awskit-judge-call" : "awskit-defendant-call";
    this.servers =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, side);
              thread.setDaemon(true);
              return thread;
            });
  }

  ClassLoader loader() {
    return loader;
  }

  /** Exports {@code target} under the number 0, the first object the other side calls. */
  void exportRoot(Object target, Class<?> type) {
    exported.put(0L, new Exported(target, target, List.of(type)));
  }

  /** Returns a proxy of the other side's root object. */
  <T> T root(Class<T> type) {
    return type.cast(
        Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, new Remote(0)));
  }

  /** Reads and routes frames until the other side ends the pair; returns why it ended. */
  String serve() {
    try {
      while (true) {
        JsonNode message = readFrame();
        route(message);
      }
    } catch (EOFException closed) {
      end("the channel was closed");
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
          servers.execute(() -> serveCall(message, conversation));
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
      case "where" -> {
        ObjectNode answer = frame("here").put("id", message.path("id").asLong());
        answer.set(
            "stack",
            waiting == null
                ? Codec.nodes().arrayNode()
                : Errors.framesNode(waiting.owner.getStackTrace()));
        send(answer);
      }
      case "here" -> {
        CompletableFuture<JsonNode> probe = probes.remove(message.path("id").asLong());
        if (probe != null) {
          probe.complete(message.path("stack"));
        }
      }
      default -> throw new IllegalStateException("a frame of an unknown kind");
    }
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
    if (waiting == null || ended != null) {
      return Optional.empty();
    }
    long id = ids.incrementAndGet();
    CompletableFuture<JsonNode> probe = new CompletableFuture<>();
    probes.put(id, probe);
    try {
      send(frame("where").put("id", id).put("c", waiting.id));
      JsonNode stack = probe.get(patience.toMillis(), TimeUnit.MILLISECONDS);
      return Optional.of(Errors.spliced(stack, thread.getStackTrace()));
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (ExecutionException | TimeoutException | SubmissionProcessEnded silent) {
      return Optional.empty();
    } finally {
      probes.remove(id);
    }
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
      ended = whyEnded.get().orElse(why);
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
              .put("m", keyOf(method))
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
      Exported target = exported.get(message.path("to").asLong());
      if (target == null) {
        throw new UncopyableValueException("a call to an object that was never passed");
      }
      Method method = resolve(target, message.path("m").asText());
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

  private static Object invoke(Exported target, Method method, Object[] arguments)
      throws InvocationTargetException, IllegalAccessException {
    if (method.getDeclaringClass() == Object.class) {
      return String.valueOf(target.target());
    }
    return method.invoke(target.target(), arguments);
  }

  private Method resolve(Exported target, String key) throws NoSuchMethodException {
    if (key.equals(TO_STRING)) {
      return Object.class.getMethod("toString");
    }
    for (Class<?> type : target.interfaces()) {
      Method method =
          methods
              .computeIfAbsent(
                  type,
                  interfaceType -> {
                    Map<String, Method> byKey = new ConcurrentHashMap<>();
                    for (Method candidate : interfaceType.getMethods()) {
                      byKey.putIfAbsent(keyOf(candidate), candidate);
                    }
                    return byKey;
                  })
              .get(key);
      if (method != null) {
        return method;
      }
    }
    throw new NoSuchMethodException("no method " + key + " to call on this object");
  }

  static String keyOf(Method method) {
    StringBuilder key =
        new StringBuilder(method.getDeclaringClass().getName()).append('#').append(method.getName());
    key.append('(');
    Class<?>[] parameters = method.getParameterTypes();
    for (int i = 0; i < parameters.length; i++) {
      key.append(i == 0 ? "" : ",").append(parameters[i].getName());
    }
    return key.append(')').toString();
  }

  private static ObjectNode frame(String kind) {
    return Codec.nodes().objectNode().put("k", kind);
  }

  private void send(ObjectNode message) {
    try {
      byte[] frame = json.writeValueAsBytes(message);
      synchronized (out) {
        out.writeInt(frame.length);
        out.write(frame);
        out.flush();
      }
    } catch (IOException broken) {
      end("the channel broke: " + broken.getMessage());
      throw new SubmissionProcessEnded(ended);
    }
  }

  private JsonNode readFrame() throws IOException {
    int length = in.readInt();
    if (length < 0 || length > MAX_FRAME_BYTES) {
      throw new IOException("a frame of " + length + " bytes");
    }
    byte[] frame = in.readNBytes(length);
    if (frame.length < length) {
      throw new EOFException();
    }
    JsonNode message = json.readTree(frame);
    if (message == null || !message.isObject()) {
      throw new IOException("a frame that is no JSON object");
    }
    return message;
  }

  /** Exports {@code target} as {@code interfaces} and returns its number, the same every time. */
  long export(Object target, List<Class<?>> interfaces) {
    synchronized (exportIds) {
      Long id = exportIds.get(target);
      if (id == null) {
        id = ids.incrementAndGet();
        exportIds.put(target, id);
        exported.put(id, new Exported(target, target, interfaces));
      }
      return id;
    }
  }

  /** Exports {@code stream}, whose reads go through {@code access}, and returns its number. */
  long exportStream(Object stream, StreamAccess access) {
    synchronized (exportIds) {
      Long id = exportIds.get(stream);
      if (id == null) {
        id = ids.incrementAndGet();
        exportIds.put(stream, id);
        exported.put(id, new Exported(stream, access, List.of(StreamAccess.class)));
      }
      return id;
    }
  }

  /** Returns this side's stand-in for the other side's object {@code id}, of a type not shared. */
  Object standIn(long id, String typeName) {
    return proxies.computeIfAbsent(
        id,
        key -> {
          Object standIn = new StandIn(typeName);
          imported.put(standIn, key);
          return standIn;
        });
  }

  /** Returns this side's proxy, as {@code type}, of the other side's object {@code id}. */
  <T> T proxyOf(long id, Class<T> type) {
    return type.cast(
        proxies.computeIfAbsent(
            id,
            key -> {
              Object proxy =
                  Proxy.newProxyInstance(
                      type.getClassLoader(), new Class<?>[] {type}, new Remote(key));
              imported.put(proxy, key);
              return proxy;
            }));
  }

  /** Returns the object this side exported under {@code id}. */
  Object exported(long id) {
    Exported target = exported.get(id);
    if (target == null) {
      throw new UncopyableValueException("a reference to an object that was never passed");
    }
    return target.original();
  }

  /** Returns the other side's number for {@code value}, a proxy or copy that came from it. */
  Optional<Long> originOf(Object value) {
    return Optional.ofNullable(imported.get(value));
  }

  /** Notes that {@code copy} stands for the other side's object {@code id}. */
  void rememberImported(Object copy, long id) {
    imported.put(copy, id);
  }

  /** Returns this side's proxy of the other side's object {@code id}, the same every time. */
  Object proxy(long id, List<String> interfaceNames) {
    return proxies.computeIfAbsent(
        id,
        key -> {
          Class<?>[] interfaces =
              interfaceNames.stream()
                  .map(name -> TypeAllowance.loadInterface(name, loader))
                  .toArray(Class<?>[]::new);
          if (interfaces.length == 0) {
            throw new UncopyableValueException("an object without an interface");
          }
          Object proxy = Proxy.newProxyInstance(loader, interfaces, new Remote(key));
          imported.put(proxy, key);
          return proxy;
        });
  }

  /** Stops serving and drops every conversation; the streams are the owner's to close. */
  @Override
  public void close() {
    if (ended == null) {
      ended = "the grader ended it";
    }
    end(ended);
  }

  /** Forwards a proxy's calls to the object it stands for. */
  private final class Remote implements InvocationHandler {
    private final long id;

    Remote(long id) {
      this.id = id;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] arguments) throws Throwable {
      if (method.getDeclaringClass() == Object.class) {
        return switch (method.getName()) {
          case "equals" -> proxy == arguments[0];
          case "hashCode" -> System.identityHashCode(proxy);
          default -> call(id, Object.class.getMethod("toString"), null);
        };
      }
      Object[] given = arguments == null ? new Object[0] : arguments;
      if (method.isDefault() && runsLocally.test(method, given)) {
        return InvocationHandler.invokeDefault(proxy, method, arguments);
      }
      return call(id, method, given);
    }
  }
}
