package dev.awskit.grader.scoring;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads a policy file's YAML into the policy as written ({@link Document}), with the line of every
 * node, so that {@link PolicyFile} and {@link LatePolicyFile} name the line of each problem they
 * report. It says nothing about what the values mean.
 */
final class PolicyYaml {

  private PolicyYaml() {}

  /** Returns the line of every node of a YAML text, by JSON pointer. */
  static Map<String, Integer> lineNumbers(String name, String text, YAMLFactory factory)
      throws PolicyException {
    Map<String, Integer> lines = new HashMap<>();
    try (JsonParser parser = factory.createParser(text)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        lines.putIfAbsent(
            parser.getParsingContext().pathAsPointer().toString(),
            parser.currentTokenLocation().getLineNr());
      }
    } catch (JsonProcessingException broken) {
      throw new PolicyException(
          name, locationLine(broken), "this is not valid YAML: " + firstLine(broken));
    } catch (IOException unreadable) {
      throw new PolicyException(name, 0, "cannot read the policy: " + describe(unreadable));
    }
    return lines;
  }

  /**
   * Binds a YAML text whose nodes are at {@code lines} to the policy as written, or returns null
   * for a blank text; a key or value of the wrong kind is reported at its line.
   */
  static Document read(String name, String text, YAMLFactory factory, Map<String, Integer> lines)
      throws PolicyException {
    if (text.isBlank()) {
      return null;
    }
    ObjectMapper mapper =
        new ObjectMapper(factory)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    try {
      return mapper.readValue(text, Document.class);
    } catch (UnrecognizedPropertyException unknown) {
      String where = pointerOf(unknown.getPath().subList(0, unknown.getPath().size() - 1));
      throw new PolicyException(
          name,
          lineOf(lines, unknown),
          "unknown key '" + unknown.getPropertyName() + "'"
              + (where.isEmpty() ? "" : " under " + where)
              + "; the keys allowed here are: "
              + new TreeSet<>(
                  unknown.getKnownPropertyIds().stream().map(String::valueOf).toList()));
    } catch (InvalidFormatException wrong) {
      throw new PolicyException(
          name,
          lineOf(lines, wrong),
          "'" + wrong.getValue() + "' at " + pointerOf(wrong.getPath()) + " is not "
              + expected(wrong.getTargetType()));
    } catch (MismatchedInputException wrong) {
      throw new PolicyException(
          name,
          lineOf(lines, wrong),
          "the value at " + orTop(pointerOf(wrong.getPath())) + " should be "
              + expected(wrong.getTargetType()));
    } catch (JsonMappingException wrong) {
      throw new PolicyException(name, lineOf(lines, wrong), firstLine(wrong));
    } catch (JsonProcessingException broken) {
      throw new PolicyException(
          name, locationLine(broken), "this is not valid YAML: " + firstLine(broken));
    }
  }

  /** Returns the line of the pointer, or of the nearest enclosing node the text has. */
  static int lineOf(Map<String, Integer> lines, String pointer) {
    for (String path = pointer; !path.isEmpty(); path = path.substring(0, path.lastIndexOf('/'))) {
      Integer line = lines.get(path);
      if (line != null) {
        return line;
      }
    }
    return 0;
  }

  private static int lineOf(Map<String, Integer> lines, JsonMappingException problem) {
    int fromPath = lineOf(lines, pointerOf(problem.getPath()));
    return fromPath > 0 ? fromPath : locationLine(problem);
  }

  private static int locationLine(JsonProcessingException problem) {
    return problem.getLocation() == null ? 0 : Math.max(0, problem.getLocation().getLineNr());
  }

  private static String pointerOf(Collection<JsonMappingException.Reference> path) {
    StringBuilder pointer = new StringBuilder();
    for (JsonMappingException.Reference reference : path) {
      pointer.append('/');
      pointer.append(
          reference.getFieldName() != null ? reference.getFieldName() : reference.getIndex());
    }
    return pointer.toString();
  }

  private static String orTop(String pointer) {
    return pointer.isEmpty() ? "the top of the file" : pointer;
  }

  private static String expected(Class<?> type) {
    if (type == null) {
      return "of another kind";
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
      return "a number";
    }
    if (Collection.class.isAssignableFrom(type)) {
      return "a list, such as [1, 2]";
    }
    if (type == String.class) {
      return "a single value (text)";
    }
    return "a mapping of keys to values";
  }

  private static String firstLine(JacksonException problem) {
    String message = problem.getOriginalMessage();
    if (message == null) {
      return problem.getClass().getSimpleName();
    }
    return message.lines().findFirst().orElse(message).strip();
  }

  /** Returns the kind of problem and its message, for a message that names the file. */
  static String describe(Exception problem) {
    return problem.getMessage() == null
        ? problem.getClass().getSimpleName()
        : problem.getClass().getSimpleName() + ": " + problem.getMessage();
  }

  /** Holds the policy file as written; {@code late} is read by {@link LatePolicyFile}. */
  record Document(
      String timeLimit,
      String visibility,
      LinkedHashMap<String, TierEntry> tiers,
      LinkedHashMap<String, QuestionEntry> questions,
      LinkedHashMap<String, String> parameters,
      JsonNode late) {

    static final Document EMPTY = new Document(null, null, null, null, null, null);
  }

  /** Holds one tier as written. */
  record TierEntry(List<Integer> questions, Double points) {}

  /** Holds the changes to one question as written. */
  record QuestionEntry(
      Double points, String visibility, LinkedHashMap<String, TestEntry> tests) {}

  /** Holds the changes to one test as written. */
  record TestEntry(Double points, String visibility) {}
}
