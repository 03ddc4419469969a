package dev.awskit.grader.hidden;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The words DynamoDB refuses as attribute names written as is in an expression, read from
 * {@code dynamodb-reserved-words.txt} beside this class: the complete list of "Reserved words in
 * DynamoDB", https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ReservedWords.html
 * (the list is not case-sensitive).
 */
public final class DynamoDbReservedWords {

  private static final Set<String> WORDS = load();

  private DynamoDbReservedWords() {}

  /** Returns whether {@code name}, in any case, is a DynamoDB reserved word. */
  public static boolean isReserved(String name) {
    return WORDS.contains(name.toUpperCase(Locale.ROOT));
  }

  /** Returns how many words the list holds. */
  public static int count() {
    return WORDS.size();
  }

  private static Set<String> load() {
    Set<String> words = new HashSet<>();
    try (InputStream in =
            DynamoDbReservedWords.class.getResourceAsStream("dynamodb-reserved-words.txt");
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.isBlank() && !line.startsWith("#")) {
          words.add(line.strip().toUpperCase(Locale.ROOT));
        }
      }
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
    return Set.copyOf(words);
  }
}
