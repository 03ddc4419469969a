package sample;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Questions 8 and 12 style JSON: trees, maps, own records, features. */
public class CleanJson {

  private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {};
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .build();

  /** An own record, read from JSON. */
  public record Item(String name, int count, List<String> tags, Map<String, Object> extra, Instant at) {}

  /** An own record with annotations that only rename. */
  public record Envelope(@JsonProperty("items") List<Item> items, Optional<String> next, JsonNode raw) {
    @JsonCreator
    public Envelope {}
  }

  /** Own subtypes, named by their names. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
  @JsonSubTypes(@JsonSubTypes.Type(value = Circle.class, name = "circle"))
  public sealed interface Shape permits Circle {}

  /** An own subtype. */
  public record Circle(double radius) implements Shape {}

  /** An own bean with getters and setters. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public static class Bean {
    private String name;
    @JsonIgnore public int hidden;

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }
  }

  public String roundTrip(String text) throws JsonProcessingException {
    JsonNode tree = JSON.readTree(text);
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("a", 1).putArray("b").add("x");
    ArrayNode array = JSON.createArrayNode().add(node);
    Map<String, Object> map = JSON.readValue(text, JSON_OBJECT);
    Map<String, Object> converted = JSON.convertValue(tree, new TypeReference<Map<String, Object>>() {});
    Item item = JSON.readValue("{}", Item.class);
    Item[] items = JSON.readValue("[]", Item[].class);
    List<Item> list = JSON.readValue("[]", new TypeReference<List<Item>>() {});
    Envelope envelope = JSON.treeToValue(tree, Envelope.class);
    Shape shape = JSON.readValue("{}", Shape.class);
    Bean bean = JSON.convertValue(map, Bean.class);
    Object any = JSON.readValue(text, Object.class);
    String string = JSON.readValue("\"x\"", String.class);
    int number = JSON.readValue("1", int.class);
    JsonNode again = JSON.valueToTree(item);
    ObjectReader reader = JSON.readerFor(Item.class);
    ObjectWriter writer = JSON.writerWithDefaultPrettyPrinter();
    ObjectMapper plain =
        new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    plain.configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false);
    return JSON.writeValueAsString(map) + writer.writeValueAsString(list) + array + converted
        + items.length + envelope + shape + bean + any + string + number + again + reader
        + plain.writeValueAsString(node);
  }

  public Item fromBytes(byte[] bytes) throws IOException {
    return JSON.readValue(bytes, Item.class);
  }
}
