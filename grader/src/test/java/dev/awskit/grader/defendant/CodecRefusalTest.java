package dev.awskit.grader.defendant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks that trees naming types that may not cross are refused before anything is loaded, and
 * that values nested too deep are refused both ways.
 */
@Timeout(5)
class CodecRefusalTest {

  /** Loads through the test's class loader, noting every name it is asked for. */
  private static final class RecordingLoader extends ClassLoader {
    final List<String> asked = new CopyOnWriteArrayList<>();

    RecordingLoader() {
      super(CodecRefusalTest.class.getClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      asked.add(name);
      return super.loadClass(name, resolve);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final RecordingLoader loader = new RecordingLoader();
  private Codec codec;

  @BeforeEach
  void codecOfAnUnconnectedJudge() {
    Endpoint judge =
        new Endpoint(
            InputStream.nullInputStream(),
            OutputStream.nullOutputStream(),
            loader,
            true,
            (method, arguments) -> false);
    codec = new Codec(judge);
  }

  private static JsonNode tree(String json) throws Exception {
    return JSON.readTree(json);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"t\":\"record\",\"type\":\"org.example.Payload\",\"v\":[]}",
        "{\"t\":\"record\",\"type\":\"dev.awskit.grader.defendant.EndpointPair\",\"v\":[]}",
        "{\"t\":\"enum\",\"type\":\"dev.awskit.grader.scoring.Visibility\",\"v\":\"HIDDEN\"}",
        "{\"t\":\"sdk\",\"type\":\"com.example.Model\",\"f\":{}}",
        "{\"t\":\"handle\",\"id\":5,\"interfaces\":[\"javax.script.ScriptEngine\"]}",
        "{\"t\":\"handle\",\"id\":6,\"interfaces\":[\"dev.awskit.grader.defendant.Courtroom\"]}",
        "{\"t\":\"handle\",\"id\":7,\"interfaces\":[\"java.lang.Object\"]}",
        "{\"t\":\"list\",\"v\":[\"fine\",{\"t\":\"record\",\"type\":\"org.example.Payload\",\"v\":[]}]}"
      })
  void aTreeNamingATypeOutsideTheAllowanceIsRefusedUnloaded(String json) throws Exception {
    // given
    JsonNode named = tree(json);

    // when
    Throwable refused = catchThrowable(() -> codec.read(named));

    // then
    assertThat(refused)
        .as("a tree naming a type that may not cross should be refused")
        .isInstanceOf(UncopyableValueException.class);
    assertThat(loader.asked).as("no class should have been asked for before the refusal").isEmpty();
  }

  @Test
  void aRecordOfAnAllowedPackageThatIsNoRecordIsRefused() throws Exception {
    // given java.lang.ProcessBuilder: in an allowed package, but no record
    JsonNode processBuilder =
        tree("{\"t\":\"record\",\"type\":\"java.lang.ProcessBuilder\",\"v\":[[\"t\",\"sh\"]]}");

    // when
    Throwable refused = catchThrowable(() -> codec.read(processBuilder));

    // then
    assertThat(refused)
        .as("a ProcessBuilder named as a record should be refused, not built")
        .isInstanceOf(UncopyableValueException.class)
        .hasMessageContaining("not one");
  }

  @Test
  void aRecordOfTheContractsIsBuiltOnlyThroughItsConstructor() throws Exception {
    // given
    JsonNode negative =
        tree("{\"t\":\"record\",\"type\":\"dev.awskit.exercises.q09.BatchResult\","
            + "\"v\":[{\"t\":\"int\",\"v\":-1},{\"t\":\"int\",\"v\":0}]}");
    JsonNode tooFew =
        tree("{\"t\":\"record\",\"type\":\"dev.awskit.exercises.q09.BatchResult\","
            + "\"v\":[{\"t\":\"int\",\"v\":1}]}");

    // when
    Throwable refusedByConstructor = catchThrowable(() -> codec.read(negative));
    Throwable refusedForShape = catchThrowable(() -> codec.read(tooFew));

    // then
    assertThat(refusedByConstructor)
        .as("a BatchResult its constructor refuses should be refused")
        .isInstanceOf(UncopyableValueException.class)
        .hasMessageContaining("must not be negative");
    assertThat(refusedForShape)
        .as("a BatchResult with too few components should be refused")
        .isInstanceOf(UncopyableValueException.class);
  }

  @Test
  void aHandleAsAnAllowedInterfaceBecomesAProxy() throws Exception {
    // given
    JsonNode runnable = tree("{\"t\":\"handle\",\"id\":8,\"interfaces\":[\"java.lang.Runnable\"]}");

    // when
    Object proxy = codec.read(runnable);

    // then
    assertThat(proxy).as("a handle as a Runnable should become a Runnable proxy").isInstanceOf(Runnable.class);
    assertThat(codec.read(runnable)).as("the same handle should give the same proxy").isSameAs(proxy);
    assertThat(loader.asked)
        .as("the allowed interface should be loaded through the endpoint's loader, which notes it")
        .contains("java.lang.Runnable");
  }

  @Test
  void anErrorOfATypeOutsideTheAllowanceIsCopiedAsItsNearestAllowedType() throws Exception {
    // given
    JsonNode error =
        tree("{\"t\":\"error\",\"id\":3,\"types\":[\"org.example.Boom\",\"java.lang.IllegalStateException\","
            + "\"java.lang.RuntimeException\"],\"message\":\"boom\",\"stack\":[]}");

    // when
    Object copy = codec.read(error);

    // then
    assertThat(copy)
        .as("an exception of an unknown class should be copied as its nearest allowed superclass")
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasFieldOrPropertyWithValue("message", "boom");
    assertThat(loader.asked).as("the unknown class should not be asked for").doesNotContain("org.example.Boom");
  }

  @Test
  void aTreeNestedDeeperThanTheCapIsRefused() {
    // given
    JsonNode deep = JSON.valueToTree(nestedTree("x", Codec.MAX_DEPTH + 6));
    JsonNode asDeepAsDynamoDb = JSON.valueToTree(nestedTree("x", 32));

    // when
    Throwable refused = catchThrowable(() -> codec.read(deep));
    Object accepted = codec.read(asDeepAsDynamoDb);

    // then
    assertThat(refused)
        .as("a tree of lists nested past MAX_DEPTH should be refused")
        .isInstanceOf(UncopyableValueException.class)
        .hasMessageContaining("nested");
    assertThat(accepted).as("lists nested 32 deep, as DynamoDB allows, should be read").isInstanceOf(List.class);
  }

  @Test
  void aValueNestedDeeperThanTheCapIsRefusedBeforeItIsSent() {
    // given
    Object deep = nestedList(Codec.MAX_DEPTH + 6);

    // when
    Throwable refused = catchThrowable(() -> codec.write(deep));

    // then
    assertThat(refused)
        .as("a value of lists nested past MAX_DEPTH should be refused")
        .isInstanceOf(UncopyableValueException.class);
  }

  @Test
  void aCyclicValueIsRefusedAndThePairStillServes() {
    // given a list that holds itself
    List<Object> cycle = new ArrayList<>();
    cycle.add(cycle);
    try (EndpointPair<Function<Object, Object>> pair =
        EndpointPair.serving(value -> "served", functionType())) {

      // when
      Throwable refused = catchThrowable(() -> pair.root().apply(cycle));
      Object after = pair.root().apply("still there?");

      // then
      assertThat(refused).as("a cycle should be refused as too deep").isInstanceOf(UncopyableValueException.class);
      assertThat(after).as("the pair should serve the next call").isEqualTo("served");
    }
  }

  @SuppressWarnings("unchecked")
  private static Class<Function<Object, Object>> functionType() {
    return (Class<Function<Object, Object>>) (Class<?>) Function.class;
  }

  private static Object nestedTree(String leaf, int levels) {
    Object tree = leaf;
    for (int i = 0; i < levels; i++) {
      tree = java.util.Map.of("t", "list", "v", List.of(tree));
    }
    return tree;
  }

  private static Object nestedList(int levels) {
    Object list = "x";
    for (int i = 0; i < levels; i++) {
      list = List.of(list);
    }
    return list;
  }
}
