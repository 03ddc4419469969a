package dev.awskit.grader.defendant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awskit.exercises.q09.BatchResult;
import dev.awskit.exercises.q12.ProcessingStatus;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Checks that values the judge passes to the defendant, and the defendant hands back, arrive as
 * equal copies of the same types: numbers keep their width, collections their order and nulls,
 * and SDK models their unset collections.
 */
@Timeout(5)
@SuppressWarnings("unchecked")
class CodecRoundTripTest {

  /** Returns what it is given: the defendant's root in these tests. */
  interface Echo {
    Object echo(Object value);
  }

  private final AtomicReference<Object> received = new AtomicReference<>();
  private EndpointPair<Echo> pair;

  @BeforeEach
  void connect() {
    pair =
        EndpointPair.serving(
            value -> {
              received.set(value);
              return value;
            },
            Echo.class);
  }

  @AfterEach
  void disconnect() {
    pair.close();
  }

  static Stream<Object> scalars() {
    return Stream.of(
        "text with ünïcödé and \"quotes\"",
        "",
        42,
        42L,
        (short) 7,
        (byte) -3,
        1.5d,
        Double.NaN,
        2.25f,
        new BigDecimal("1.50"),
        new BigDecimal("1E+3"),
        new BigInteger("123456789012345678901234567890"),
        'x',
        true,
        ProcessingStatus.ERROR,
        DayOfWeek.FRIDAY,
        TimeUnit.SECONDS,
        new BatchResult(3, 1),
        Path.of("/tmp/a folder/file.txt"),
        Instant.parse("2024-05-06T07:08:09.123456789Z"),
        Duration.ofMillis(1500),
        URI.create("https://example.com/a?b=c"));
  }

  @ParameterizedTest
  @MethodSource("scalars")
  void aScalarArrivesEqualAndOfTheSameTypeOnBothSides(Object value) {
    // given the value above

    // when
    Object back = pair.root().echo(value);

    // then
    assertThat(received.get())
        .as("the defendant's copy of %s should equal it and be a %s", value, value.getClass())
        .isEqualTo(value)
        .hasSameClassAs(value);
    assertThat(back)
        .as("the copy of %s that came back should equal it and be a %s", value, value.getClass())
        .isEqualTo(value)
        .hasSameClassAs(value);
  }

  @Test
  void integersAndLongsStayApartInsideACollection() {
    // given
    List<Object> numbers = List.of(1, 1L, 1.0d);

    // when
    Object back = pair.root().echo(numbers);

    // then
    assertThat((List<Object>) back)
        .as("an Integer, a Long and a Double that are all 1 should keep their own types")
        .extracting(Object::getClass)
        .containsExactly(Integer.class, Long.class, Double.class);
  }

  @Test
  void aListKeepsItsNullElementsAndOrder() {
    // given
    List<String> list = Arrays.asList("b", null, "a", null);

    // when
    Object back = pair.root().echo(list);

    // then
    assertThat(back).as("a list should come back a list").isInstanceOf(List.class);
    assertThat((List<Object>) back)
        .as("the list should keep its null elements where they were")
        .containsExactly("b", null, "a", null);
  }

  @Test
  void aSetKeepsItsNullElementAndInsertionOrder() {
    // given
    Set<String> set = new LinkedHashSet<>(Arrays.asList("c", null, "a", "b"));

    // when
    Object back = pair.root().echo(set);

    // then
    assertThat(back).as("a set should come back a set").isInstanceOf(Set.class);
    assertThat((Set<Object>) back)
        .as("the set should keep its null element and the order its elements were added in")
        .containsExactly("c", null, "a", "b");
  }

  @Test
  void aMapKeepsNullKeysAndValuesAndInsertionOrder() {
    // given
    Map<Object, Object> map = new LinkedHashMap<>();
    map.put("z", 1);
    map.put("a", null);
    map.put(null, "under null");
    map.put(7L, List.of("nested"));

    // when
    Object back = pair.root().echo(map);

    // then
    assertThat(back).as("a map should come back equal, nulls included").isEqualTo(map);
    assertThat(((Map<Object, Object>) back).keySet())
        .as("the map's keys should keep the order they were put in")
        .containsExactly("z", "a", null, 7L);
  }

  @Test
  void optionalsArriveEmptyOrHoldingTheirValue() {
    // given
    Optional<Object> empty = Optional.empty();
    Optional<Object> present = Optional.of(new BatchResult(2, 0));

    // when
    Object emptyBack = pair.root().echo(empty);
    Object presentBack = pair.root().echo(present);

    // then
    assertThat(emptyBack).as("an empty Optional should come back empty").isEqualTo(Optional.empty());
    assertThat(presentBack)
        .as("an Optional holding a record should come back holding an equal record")
        .isEqualTo(present);
  }

  @Test
  void bytesArriveWhole() {
    // given
    byte[] bytes = {0, 1, -1, 127, -128, 42};

    // when
    Object back = pair.root().echo(bytes);

    // then
    assertThat(back).as("a byte[] should come back a byte[]").isInstanceOf(byte[].class);
    assertThat((byte[]) back).as("every byte should come back in its place").containsExactly(bytes);
  }

  @Test
  void aPutItemRequestWithNestedAttributesArrivesEqual() {
    // given
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    item.put("id", AttributeValue.fromS("order-1"));
    item.put("count", AttributeValue.fromN("12.50"));
    item.put("active", AttributeValue.fromBool(true));
    item.put("nothing", AttributeValue.fromNul(true));
    item.put("blob", AttributeValue.fromB(SdkBytes.fromUtf8String("bytes")));
    item.put("tags", AttributeValue.fromL(List.of(AttributeValue.fromS("a"), AttributeValue.fromN("1"))));
    item.put(
        "address",
        AttributeValue.fromM(
            Map.of(
                "city", AttributeValue.fromS("Oslo"),
                "geo", AttributeValue.fromM(Map.of("lat", AttributeValue.fromN("59.9"))))));
    PutItemRequest request = PutItemRequest.builder().tableName("orders").item(item).build();

    // when
    Object back = pair.root().echo(request);

    // then
    assertThat(received.get()).as("the defendant's PutItemRequest should equal the judge's").isEqualTo(request);
    assertThat(back).as("the PutItemRequest that came back should equal the original").isEqualTo(request);
    PutItemRequest copy = (PutItemRequest) back;
    assertThat(copy.item().get("address").m().get("geo").m().get("lat").n())
        .as("a number two maps deep should be kept")
        .isEqualTo("59.9");
    assertThat(copy.item().get("id").hasL() || copy.item().get("id").hasM())
        .as("an S attribute should keep its L and M unset, as the SDK built it")
        .isFalse();
  }

  @Test
  void aQueryRequestWithoutAStartKeyKeepsItUnset() {
    // given
    QueryRequest request =
        QueryRequest.builder()
            .tableName("orders")
            .keyConditionExpression("pk = :pk")
            .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("customer-1")))
            .build();

    // when
    QueryRequest back = (QueryRequest) pair.root().echo(request);

    // then
    assertThat(((QueryRequest) received.get()).hasExclusiveStartKey())
        .as("the defendant's copy should have no exclusiveStartKey, not an empty one")
        .isFalse();
    assertThat(back.hasExclusiveStartKey())
        .as("the copy that came back should have no exclusiveStartKey, not an empty one")
        .isFalse();
    assertThat(back.hasExpressionAttributeValues())
        .as("the expressionAttributeValues that were set should stay set")
        .isTrue();
    assertThat(back).as("the QueryRequest should come back equal").isEqualTo(request);
  }
}
