package dev.awskit.grader.worker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.util.Optional;

/**
 * Frames the worker's messages so that nothing a submission prints can pass for one.
 *
 * <p>A frame is one line: a nonce, a space, and the message as JSON. The grader makes up the nonce
 * for each worker, hands it over the worker's standard input (which the submission cannot read: the
 * worker replaces {@code System.in} before any submission class loads), and accepts only lines that
 * carry it. A submission that prints a line of its own, even one shaped like a message, or text
 * with no line end just before a frame, cannot forge or break a message: its text never holds the
 * nonce, and the reader looks for the nonce anywhere in a line.
 */
final class Frames {

  private final ObjectMapper json = new ObjectMapper();
  // Made once: a writer looked up again for every message showed in a profile of a worker.
  private final ObjectWriter messageWriter = json.writerFor(WorkerMessage.class);
  private final ObjectReader messageReader = json.readerFor(WorkerMessage.class);
  private final ObjectReader jobReader = json.readerFor(WorkerJob.class);
  private final String nonce;

  /** Creates frames that carry {@code nonce}. */
  Frames(String nonce) {
    if (nonce.isBlank() || nonce.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("A nonce is one word");
    }
    this.nonce = nonce;
  }

  /** Returns the message as a frame, without the line end. */
  String frame(WorkerMessage message) {
    try {
      return nonce + " " + messageWriter.writeValueAsString(message);
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException("A worker message cannot be written as JSON", impossible);
    }
  }

  /**
   * Returns the message a line carries, or nothing when the line holds no frame (text the
   * submission or the JVM printed) or a damaged one.
   */
  Optional<WorkerMessage> read(String line) {
    int at = line.indexOf(nonce + " {");
    if (at < 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          messageReader.readValue(line.substring(at + nonce.length() + 1)));
    } catch (JsonProcessingException damaged) {
      return Optional.empty();
    }
  }

  /** Returns the job as one line of JSON, for the worker's standard input. */
  String job(WorkerJob job) {
    try {
      return json.writeValueAsString(job);
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException("A job cannot be written as JSON", impossible);
    }
  }

  /** Reads a job from one line of the worker's standard input. */
  WorkerJob readJob(String line) throws JsonProcessingException {
    return jobReader.readValue(line);
  }
}
