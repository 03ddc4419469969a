package dev.awskit.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import dev.awskit.grader.testing.ReportSchemas;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Checks the schema that stands for Gradescope's {@code results.json} against the keys and values
 * Gradescope's autograder specification documents, so the schema neither refuses a file Gradescope
 * accepts nor lets through a value Gradescope does not know.
 */
class GradescopeResultsSchemaTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A results.json that uses every key of the specification, with awskit's required ones. */
  private static final String EVERY_KEY =
      """
      {
        "score": 7.5,
        "execution_time": 12,
        "output": "Total: 7.5 / 10",
        "output_format": "simple_format",
        "test_output_format": "md",
        "test_name_format": "text",
        "visibility": "after_due_date",
        "stdout_visibility": "hidden",
        "extra_data": {"grader": "awskit"},
        "tests": [
          {
            "name": "Q1 first check",
            "name_format": "html",
            "number": "1.1",
            "score": 2.5,
            "max_score": 5,
            "status": "failed",
            "output": "Expected the bucket to be created.",
            "output_format": "ansi",
            "tags": ["easy", "q01"],
            "visibility": "after_published",
            "extra_data": {}
          },
          {
            "name": "Q1 second check",
            "number": "1.2",
            "score": 5,
            "max_score": 5,
            "status": "passed",
            "output": "",
            "visibility": "visible"
          }
        ],
        "leaderboard": [
          {"name": "Accuracy", "value": 0.93},
          {"name": "Time", "value": 15.1, "order": "asc"},
          {"name": "Stars", "value": "***", "order": "desc"}
        ]
      }
      """;

  private final JsonSchema schema = ReportSchemas.gradescopeResults();

  @Test
  void acceptsEveryKeyAndFormatOfTheSpecification() throws IOException {
    // given
    JsonNode results = JSON.readTree(EVERY_KEY);

    // when, then
    assertThat(schema.validate(results)).isEmpty();
  }

  @Test
  void acceptsEveryVisibilityOnTheTopLevelAndOnATest() throws IOException {
    for (String visibility : List.of("hidden", "after_due_date", "after_published", "visible")) {
      // given
      ObjectNode results = (ObjectNode) JSON.readTree(EVERY_KEY);
      results.put("visibility", visibility).put("stdout_visibility", visibility);
      ((ObjectNode) results.get("tests").get(0)).put("visibility", visibility);

      // when, then
      assertThat(schema.validate(results)).as("visibility %s", visibility).isEmpty();
    }
  }

  @Test
  void refusesValuesGradescopeDoesNotKnow() throws IOException {
    assertThat(schema.validate(withTestValue("status", "error"))).as("status error").isNotEmpty();
    assertThat(schema.validate(withTestValue("visibility", "always")))
        .as("visibility always")
        .isNotEmpty();
    assertThat(schema.validate(withTestValue("output_format", "markdown")))
        .as("output_format markdown")
        .isNotEmpty();
    ObjectNode results = (ObjectNode) JSON.readTree(EVERY_KEY);
    results.put("test_output_format", "plain");
    assertThat(schema.validate(results)).as("test_output_format plain").isNotEmpty();
  }

  private static JsonNode withTestValue(String key, String value) throws IOException {
    ObjectNode results = (ObjectNode) JSON.readTree(EVERY_KEY);
    ((ObjectNode) results.get("tests").get(0)).put(key, value);
    return results;
  }
}
