package dev.awskit.grader.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Proves that what crosses the run step's boundary is plain data: requests and events survive a
 * JSON round trip unchanged, as they will between the grader and a worker JVM.
 */
class PlainDataTest {

  private static final TypeReference<List<TestEvent>> EVENTS = new TypeReference<>() {};

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void runRequestSurvivesJson() throws Exception {
    RunRequest request =
        new RunRequest(
            List.of("/tmp/classes"),
            List.of("dev.awskit.grader.hidden.q99.GreeterChecks"),
            5_000,
            Map.of("some.parameter", "value"),
            List.of("software.amazon.awssdk.services.s3.S3Client"));

    assertThat(json.readValue(json.writeValueAsString(request), RunRequest.class)).isEqualTo(request);
  }

  @Test
  void everyKindOfEventAndOutcomeSurvivesJson() throws Exception {
    List<TestEvent> events =
        List.of(
            new TestEvent.TestStarted("a#b"),
            new TestEvent.TestFinished("a#b", new TestOutcome.Passed(), 12),
            new TestEvent.TestFinished("a#c", new TestOutcome.Failed("expected 5", "trace"), 3),
            new TestEvent.TestFinished("a#d", new TestOutcome.Threw("Your code threw X", "trace"), 4),
            new TestEvent.TestFinished("a#e", new TestOutcome.TimedOut("did not finish", "trace"), 5000),
            new TestEvent.TestFinished("a#f", new TestOutcome.NotRun("did not compile", ""), 0));

    String text = json.writerFor(EVENTS).writeValueAsString(events);

    assertThat(json.readValue(text, EVENTS)).isEqualTo(events);
    assertThat(text).contains("\"event\":\"finished\"").contains("\"kind\":\"timed-out\"");
  }

  @Test
  void inProcessRunEmitsPlainEventsForEveryTest() throws Exception {
    Catalog catalog = FixtureCatalog.load();
    List<TestEvent> events = new ArrayList<>();

    SubmissionRunner.inProcess()
        .run(
            new RunRequest(List.of(), catalog.testClasses(98), 5_000, Map.of(), List.of()),
            events::add);

    assertThat(events).filteredOn(TestEvent.TestStarted.class::isInstance).hasSize(2);
    assertThat(events)
        .filteredOn(TestEvent.TestFinished.class::isInstance)
        .map(event -> ((TestEvent.TestFinished) event).outcome())
        .allSatisfy(
            outcome ->
                assertThat(outcome.feedback()).contains("no class that implements Adder"));
    for (TestEvent event : events) {
      String line = json.writerFor(TestEvent.class).writeValueAsString(event);
      assertThat(json.readValue(line, TestEvent.class)).isEqualTo(event);
    }
  }
}
