package dev.awskit.grader.defendant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awskit.exercises.NotImplementedYet;
import dev.awskit.exercises.q03.BucketCreationException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Copies exceptions between the judge and the defendant.
 *
 * <p>A copy keeps the class where the receiving side may build it (else the nearest superclass it
 * may), the message, the stack frames with their class loaders' names (which the feedback reads to
 * find the student's line), the cause, and what an AWS service error carries. An exception that
 * comes back to the side it came from is that side's original object, not a copy: tests check
 * that the double's exception is the one that propagates.
 */
final class Errors {

  /** Names the errors of the JVM itself that are never rebuilt as such on the other side. */
  private static final Set<String> VM_ERRORS =
      Set.of(
          "java.lang.OutOfMemoryError",
          "java.lang.InternalError",
          "java.lang.UnknownError",
          "java.lang.VirtualMachineError");

  /** Caps the frames copied per exception; the feedback reads the innermost ones. */
  private static final int MAX_FRAMES = 256;

  private final Codec codec;

  Errors(Codec codec) {
    this.codec = codec;
  }

  JsonNode write(Throwable thrown, int depth) {
    Optional<Long> origin = codec.endpoint().handles().originOf(thrown);
    if (origin.isPresent()) {
      // Going home: the other side keeps its object, and learns where it passed here.
      ObjectNode node = Codec.tagged("ref").put("id", origin.get());
      writeFrames(thrown, node);
      return node;
    }
    ObjectNode node = Codec.tagged("error").put("id", codec.endpoint().handles().export(thrown, List.of()));
    ArrayNode types = node.putArray("types");
    for (Class<?> type = thrown.getClass(); type != null; type = type.getSuperclass()) {
      types.add(type.getName());
    }
    String message = thrown.getMessage();
    if (message != null) {
      node.put("message", message);
    }
    writeFrames(thrown, node);
    if (thrown instanceof AwsServiceException service) {
      ObjectNode details = node.putObject("aws").put("status", service.statusCode());
      if (service.requestId() != null) {
        details.put("requestId", service.requestId());
      }
      if (service.extendedRequestId() != null) {
        // getMessage() names it, as S3's errors carry it: a copy without it reads differently.
        details.put("extendedRequestId", service.extendedRequestId());
      }
      AwsErrorDetails error = service.awsErrorDetails();
      if (error != null) {
        details.put("code", error.errorCode()).put("text", error.errorMessage());
        details.put("service", error.serviceName());
      }
    }
    if (thrown instanceof BucketCreationException bucket && bucket.errorCode() != null) {
      node.put("errorCode", bucket.errorCode());
    }
    if (thrown instanceof NotImplementedYet notYet) {
      node.put("question", notYet.question());
    }
    Throwable cause = thrown.getCause();
    if (cause != null && cause != thrown && depth < Codec.MAX_DEPTH) {
      node.set("cause", codec.write(cause, depth + 1));
    }
    return node;
  }

  /**
   * Writes the frames {@code thrown} passed through on this side, down to the call that brought
   * the work here: the receiving side puts its own caller's frames below them, so that the trace
   * reads as it would in one JVM (the feedback finds the student's line in it).
   */
  private static void writeFrames(Throwable thrown, ObjectNode node) {
    node.set("stack", framesNode(thrown.getStackTrace()));
  }

  /** Returns the tree of the frames of {@code trace} that ran on this side of the last call. */
  static ArrayNode framesNode(StackTraceElement[] trace) {
    ArrayNode frames = Codec.nodes().arrayNode();
    for (StackTraceElement frame : framesHere(trace)) {
      frames.addArray()
          .add(frame.getClassLoaderName())
          .add(frame.getModuleName())
          .add(frame.getModuleVersion())
          .add(frame.getClassName())
          .add(frame.getMethodName())
          .add(frame.getFileName())
          .add(frame.getLineNumber());
    }
    return frames;
  }

  /** Returns the frames above the first of this package's endpoint, without the reflection's. */
  private static List<StackTraceElement> framesHere(StackTraceElement[] trace) {
    int end = 0;
    while (end < trace.length && end < MAX_FRAMES && !isEndpoint(trace[end])) {
      end++;
    }
    if (end < trace.length && isEndpoint(trace[end])) {
      while (end > 0 && isReflection(trace[end - 1])) {
        end--;
      }
    }
    return List.of(trace).subList(0, end);
  }

  /**
   * Returns the frames of {@code here} below the proxy whose call is being answered, the
   * caller's; none when no call of a proxy is in it.
   */
  private static List<StackTraceElement> callerFrames(StackTraceElement[] here) {
    int remote = -1;
    for (int i = 0; i < here.length; i++) {
      if (here[i].getClassName().equals(ProxyCalls.class.getName())) {
        remote = i;
        break;
      }
    }
    if (remote < 0) {
      return List.of();
    }
    int start = remote + 1;
    while (start < here.length && isProxy(here[start])) {
      start++;
    }
    return List.of(here).subList(start, Math.min(here.length, start + MAX_FRAMES));
  }

  private static boolean isEndpoint(StackTraceElement frame) {
    return frame.getClassName().startsWith(Endpoint.class.getName());
  }

  private static boolean isReflection(StackTraceElement frame) {
    String name = frame.getClassName();
    return name.startsWith("jdk.internal.reflect.") || name.startsWith("java.lang.reflect.");
  }

  private static boolean isProxy(StackTraceElement frame) {
    String name = frame.getClassName();
    return name.startsWith("jdk.proxy") || name.startsWith("com.sun.proxy.");
  }

  /** Gives {@code original}, back home, the frames it passed through on the other side. */
  void splice(Throwable original, JsonNode stack) {
    original.setStackTrace(spliced(stack));
  }

  private static StackTraceElement[] spliced(JsonNode stack) {
    return spliced(stack, Thread.currentThread().getStackTrace());
  }

  /**
   * Returns the frames of {@code stack}, sent by the other side, above the frames of {@code here}
   * (a stack of this side) that called the proxy whose call took the work there.
   */
  static StackTraceElement[] spliced(JsonNode stack, StackTraceElement[] here) {
    List<StackTraceElement> frames = new ArrayList<>(frames(stack));
    frames.addAll(callerFrames(here));
    return frames.toArray(StackTraceElement[]::new);
  }

  Throwable read(JsonNode node, int depth) {
    Throwable cause =
        node.has("cause") && codec.read(node.get("cause"), depth + 1) instanceof Throwable inner
            ? inner
            : null;
    String message = node.has("message") ? node.get("message").asText() : null;
    Throwable copy = null;
    boolean renamed = false;
    for (JsonNode name : node.path("types")) {
      if (VM_ERRORS.contains(name.asText())) {
        // JUnit ends a whole run on an OutOfMemoryError: the defendant's is copied as a plain
        // Error that names it, so it costs its test only, however the code came by it.
        if (!renamed) {
          String simpleName = name.asText().substring(name.asText().lastIndexOf('.') + 1);
          message = message == null ? simpleName : simpleName + ": " + message;
          renamed = true;
        }
        continue;
      }
      Class<? extends Throwable> type =
          TypeAllowance.loadThrowable(name.asText(), codec.endpoint().loader());
      copy = type == null ? null : build(type, message, cause, node);
      if (copy != null) {
        break;
      }
    }
    if (copy == null) {
      copy = new RuntimeException(message, cause);
    }
    if (copy.getCause() == null && cause != null) {
      try {
        copy.initCause(cause);
      } catch (IllegalStateException | IllegalArgumentException fixed) {
        // Its constructor fixed the cause already.
      }
    }
    copy.setStackTrace(spliced(node.path("stack")));
    codec.endpoint().handles().rememberImported(copy, node.path("id").asLong());
    return copy;
  }

  private static Throwable build(
      Class<? extends Throwable> type, String message, Throwable cause, JsonNode node) {
    try {
      if (AwsServiceException.class.isAssignableFrom(type)) {
        return awsError(type, message, cause, node.path("aws"));
      }
      if (SdkException.class.isAssignableFrom(type)) {
        SdkException.Builder builder = (SdkException.Builder) builderOf(type);
        return builder.message(message).cause(cause).build();
      }
      if (type == BucketCreationException.class) {
        return new BucketCreationException(
            message, node.has("errorCode") ? node.get("errorCode").asText() : null, cause);
      }
      if (type == NotImplementedYet.class) {
        return new NotImplementedYet(node.path("question").asInt());
      }
      if (type == AssertionError.class) {
        return new AssertionError(message, cause);
      }
      return construct(type, message, cause);
    } catch (ReflectiveOperationException | RuntimeException | LinkageError unbuildable) {
      return null;
    }
  }

  /**
   * Builds {@code type} through the public constructor that keeps the most: the message and the
   * cause, the cause alone where the message is the cause's ({@code UncheckedIOException}), or the
   * message alone.
   */
  private static Throwable construct(Class<? extends Throwable> type, String message, Throwable cause)
      throws ReflectiveOperationException {
    Constructor<?> messageOnly = null;
    for (Constructor<?> constructor : type.getConstructors()) {
      Class<?>[] parameters = constructor.getParameterTypes();
      if (parameters.length == 2
          && parameters[0] == String.class
          && (cause == null ? parameters[1] == Throwable.class : parameters[1].isInstance(cause))) {
        return (Throwable) constructor.newInstance(message, cause);
      }
      if (parameters.length == 1 && parameters[0] == String.class) {
        messageOnly = constructor;
      }
    }
    if (messageOnly != null) {
      return (Throwable) messageOnly.newInstance(message);
    }
    return null;
  }

  private static Throwable awsError(
      Class<? extends Throwable> type, String message, Throwable cause, JsonNode aws)
      throws ReflectiveOperationException {
    AwsServiceException.Builder builder = (AwsServiceException.Builder) builderOf(type);
    builder.message(message).cause(cause).statusCode(aws.path("status").asInt());
    if (aws.has("requestId")) {
      builder.requestId(aws.get("requestId").asText());
    }
    if (aws.has("extendedRequestId")) {
      builder.extendedRequestId(aws.get("extendedRequestId").asText());
    }
    if (aws.has("code")) {
      builder.awsErrorDetails(
          AwsErrorDetails.builder()
              .errorCode(text(aws, "code"))
              .errorMessage(text(aws, "text"))
              .serviceName(text(aws, "service"))
              .build());
    }
    Throwable built = builder.build();
    // getMessage() of a service error appends the service's details to the message it was built
    // with, so the message copied carries them once already.
    String shown = built.getMessage();
    if (message != null && shown != null && shown.startsWith(message + " ")) {
      String details = shown.substring(message.length());
      if (message.endsWith(details)) {
        return awsError(type, message.substring(0, message.length() - details.length()), cause, aws);
      }
    }
    return built;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static Object builderOf(Class<?> type) throws ReflectiveOperationException {
    Method builder = type.getMethod("builder");
    return builder.invoke(null);
  }

  private static List<StackTraceElement> frames(JsonNode stack) {
    List<StackTraceElement> frames = new ArrayList<>();
    for (JsonNode frame : stack) {
      if (frames.size() == MAX_FRAMES) {
        break;
      }
      frames.add(
          new StackTraceElement(
              text(frame, 0),
              text(frame, 1),
              text(frame, 2),
              String.valueOf(text(frame, 3)),
              String.valueOf(text(frame, 4)),
              text(frame, 5),
              frame.path(6).asInt(-1)));
    }
    return frames;
  }

  private static String text(JsonNode frame, int index) {
    JsonNode value = frame.get(index);
    return value == null || value.isNull() ? null : value.asText();
  }
}
