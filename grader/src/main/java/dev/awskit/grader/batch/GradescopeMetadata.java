package dev.awskit.grader.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Holds what the grader uses of Gradescope's {@code submission_metadata.json}: when the submission
 * was made ({@code created_at}, ISO-8601 with an offset and microseconds, such as {@code
 * 2018-07-01T14:22:32.365935-07:00}) and the e-mail addresses of its users.
 *
 * @param createdAt when the submission was made
 * @param emails the e-mail addresses of {@code users}, in their order; several for a group
 */
public record GradescopeMetadata(Instant createdAt, List<String> emails) {

  /** Copies the list. */
  public GradescopeMetadata {
    emails = List.copyOf(emails);
  }

  /** Holds the outcome of reading the file. */
  public sealed interface Read permits Found, Broken {}

  /**
   * Holds the metadata read.
   *
   * @param metadata what was read
   */
  public record Found(GradescopeMetadata metadata) implements Read {}

  /**
   * Says what is wrong with the file.
   *
   * @param problem what is wrong, in words that follow the file's name and a colon
   */
  public record Broken(String problem) implements Read {}

  /** Reads the file. */
  public static Read read(Path file) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(file.toFile());
    } catch (IOException unreadable) {
      return new Broken("not readable JSON");
    }
    if (root == null || !root.path("created_at").isTextual()) {
      return new Broken("no created_at");
    }
    String created = root.path("created_at").asText();
    Instant at;
    try {
      at = OffsetDateTime.parse(created).toInstant();
    } catch (DateTimeParseException notADate) {
      return new Broken(
          "created_at '"
              + created
              + "' is not ISO-8601 with an offset, like 2018-07-01T14:22:32.365935-07:00");
    }
    List<String> emails = new ArrayList<>();
    for (JsonNode user : root.path("users")) {
      if (user.path("email").isTextual()) {
        emails.add(user.path("email").asText());
      }
    }
    return new Found(new GradescopeMetadata(at, emails));
  }
}
