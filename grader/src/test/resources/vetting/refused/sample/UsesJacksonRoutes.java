package sample;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.databind.util.ClassUtil;
import java.io.FileOutputStream;
import java.lang.reflect.Type;
import java.util.List;

/** Has Jackson create and call JDK classes, with no forbidden JDK call in its own code. */
public class UsesJacksonRoutes {

  private final ObjectMapper json = new ObjectMapper();

  /** A mix-in: its annotations would land on FileOutputStream's constructor. */
  abstract static class StreamMixIn {
    @JsonCreator
    StreamMixIn(@JsonProperty("name") String name) {}
  }

  /** Jackson fills in its public field from JSON, creating a FileOutputStream. */
  static class Holder {
    public FileOutputStream out;
  }

  /** Names its class at run time instead of through its type argument. */
  static class ByName extends TypeReference<Object> {
    @Override public Type getType() { return Thread.class; } // refused: library-json-types
  }

  static class MyMapper extends ObjectMapper {} // refused: library-reflection

  @JsonDeserialize(as = java.util.ArrayList.class)
  static class Annotated { // refused: library-annotations
    @JsonTypeInfo(use = JsonTypeInfo.Id.CLASS) public Object value;
    @JsonSerialize(using = ToStringSerializer.class) public Object shown;
  }

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME)
  @JsonSubTypes(@JsonSubTypes.Type(value = FileOutputStream.class, name = "file"))
  interface Shape {} // refused: library-annotations (no line)

  /** Reads a JSON string into a Class, with nothing the grader could check. */
  interface Reader {
    Object read(String text, Class<Object> type) throws Exception;
  }

  @SuppressWarnings("deprecation")
  public Object configuration() throws Exception {
    json.addMixIn(FileOutputStream.class, StreamMixIn.class); // refused: library-reflection, library-json-types
    JsonMapper.builder().addMixIn(FileOutputStream.class, StreamMixIn.class).build(); // refused: library-reflection, library-json-types
    new SimpleModule().setMixInAnnotation(FileOutputStream.class, StreamMixIn.class); // refused: library-reflection, library-json-types
    json.registerModule(new SimpleModule()); // refused: library-reflection
    json.findAndRegisterModules(); // refused: library-reflection
    json.activateDefaultTyping(json.getPolymorphicTypeValidator()); // refused: library-reflection
    json.enableDefaultTyping(); // refused: library-reflection
    json.setInjectableValues(null); // refused: library-reflection
    BasicPolymorphicTypeValidator.builder().allowIfBaseType(Object.class).build(); // refused: library-reflection
    json.getTypeFactory().constructFromCanonical("java.lang.ProcessBuilder"); // refused: library-reflection
    ClassUtil.createInstance(FileOutputStream.class, true); // refused: library-reflection, library-json-types
    return json.readerForUpdating(Runtime.getRuntime()); // refused: library-reflection
  }

  public Object classes(String name) throws Exception {
    Class<?> type = json.readValue("\"java.lang.ProcessBuilder\"", Class.class); // refused: library-json-types
    Object made = json.readValue("[\"sh\"]", type); // refused: library-json-types
    Object stream = json.readValue("\"/tmp/x\"", FileOutputStream.class); // refused: library-json-types
    Object tree = json.treeToValue(json.readTree("\"/tmp/x\""), FileOutputStream.class); // refused: library-json-types
    Object converted = json.convertValue(name, name.getClass()); // refused: library-json-types
    ObjectReader reader = json.readerFor(Thread.class); // refused: library-json-types
    Holder holder = json.readValue("{}", Holder.class); // refused: library-json-types
    List<FileOutputStream> list = json.readValue("[]", new TypeReference<List<FileOutputStream>>() {}); // refused: library-json-types
    Reader later = json::readValue; // refused: library-json-types
    return List.of(made, stream, tree, converted, reader, holder, list, later);
  }

  public <T> T typed(String text, Class<T> type) throws Exception {
    return json.readValue(text, type); // refused: library-json-types
  }

  public void inject(@JacksonInject String value) {} // refused: library-annotations
}
