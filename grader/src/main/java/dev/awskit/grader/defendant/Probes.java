package dev.awskit.grader.defendant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Asks the other side of an {@link Endpoint} questions that its reading thread answers at once
 * (where a call runs, what the code printed), and waits for each answer a bounded time: a side
 * whose calls are all stuck still answers, and one that does not answer holds up nobody.
 */
final class Probes {

  private final AtomicLong ids = new AtomicLong();
  private final Map<Long, CompletableFuture<JsonNode>> waiting = new ConcurrentHashMap<>();

  /** Sends {@code question} with {@code send} and returns the answer, or empty after {@code patience}. */
  Optional<JsonNode> ask(ObjectNode question, Duration patience, Consumer<ObjectNode> send) {
    long id = ids.incrementAndGet();
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    waiting.put(id, answer);
    try {
      send.accept(question.put("id", id));
      return Optional.of(answer.get(patience.toMillis(), TimeUnit.MILLISECONDS));
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (ExecutionException | TimeoutException | SubmissionProcessEnded silent) {
      return Optional.empty();
    } finally {
      waiting.remove(id);
    }
  }

  /** Hands the answer {@code message} to the question waiting for it, if one still waits. */
  void answered(JsonNode message) {
    CompletableFuture<JsonNode> answer = waiting.remove(message.path("id").asLong());
    if (answer != null) {
      answer.complete(message.path("v"));
    }
  }
}
