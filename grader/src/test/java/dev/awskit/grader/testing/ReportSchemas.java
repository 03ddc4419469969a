package dev.awskit.grader.testing;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads the JSON Schemas that the grader's reports must follow: its own {@code report.json} ({@code
 * docs/report-schema.json}) and Gradescope's {@code results.json}.
 */
public final class ReportSchemas {

  private ReportSchemas() {}

  /** Returns the schema of {@code report.json}. */
  public static JsonSchema jsonReport() {
    try {
      return schema(Files.newInputStream(Path.of("..", "docs", "report-schema.json")));
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }

  /** Returns the schema of Gradescope's {@code results.json}. */
  public static JsonSchema gradescopeResults() {
    return schema(
        ReportSchemas.class.getResourceAsStream("/schemas/gradescope-results.schema.json"));
  }

  private static JsonSchema schema(InputStream source) {
    try (source) {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
          .getSchema(
              source, SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }
}
