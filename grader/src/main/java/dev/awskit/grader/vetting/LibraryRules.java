package dev.awskit.grader.vetting;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import java.util.List;

/**
 * Lists the rules on the libraries a submission compiles against besides the JDK: of Jackson, it
 * may use what the handout names (reading and writing JSON text, trees, maps, lists and its own
 * classes) and nothing else.
 *
 * <p>Jackson creates objects and calls methods by reflection on whatever class it is told about,
 * so without these rules it would do for a submission what the JDK rules refuse: a mix-in that
 * puts {@code @JsonCreator} on {@code FileOutputStream(String)}, or {@code readValue("\"...\"",
 * Class.class)} followed by a read into that class, creates files and starts processes with no
 * forbidden call in the submission's bytecode. The AWS SDK needs no rule of its own here: its
 * clients are refused by {@code sdk-client-built-inside}, and the rest acts on the values given.
 */
final class LibraryRules {

  private LibraryRules() {}

  /** Returns the library rules, in the order their violations are reported. */
  static List<VettingRule> defaults() {
    return List.of(libraryReflection(), libraryJsonTypes(), libraryAnnotations());
  }

  /** Forbids the parts of Jackson that hand it classes or code to run. */
  static VettingRule libraryReflection() {
    String reason =
        "these make Jackson create and call classes your code never names, such as a"
            + " FileOutputStream or a ProcessBuilder, around the other rules; read and write JSON"
            + " with ObjectMapper or JsonMapper, JsonNode trees, maps, lists and your own classes"
            + " and records";
    return rule(
        "library-reflection",
        reason,
        new ForbiddenUse(
            "use Jackson beyond reading and writing JSON (mix-ins: addMixIn, setMixIns,"
                + " SimpleModule.setMixInAnnotation; modules: registerModule,"
                + " findAndRegisterModules; default typing: activateDefaultTyping,"
                + " enableDefaultTyping, ObjectMapper.DefaultTyping; registerSubtypes,"
                + " setHandlerInstantiator, setInjectableValues, TypeFactory,"
                + " PolymorphicTypeValidator, annotation introspectors, readerForUpdating,"
                + " serializer and deserializer classes, Jackson's introspection and ClassUtil,"
                + " subclasses of Jackson classes other than TypeReference)",
            JacksonApi.refusedUses()));
  }

  /** Forbids having Jackson create classes other than own ones, JSON trees and plain values. */
  static VettingRule libraryJsonTypes() {
    return rule(
        "library-json-types",
        "Jackson creates the class it is given by calling that class's constructors and"
            + " setters, so it may create only your own classes, JSON trees (JsonNode), maps,"
            + " lists, strings, numbers and booleans; name them with a class literal"
            + " (MyRecord.class) or a TypeReference (new TypeReference<Map<String, Object>>()"
            + " {})",
        new JsonBindings());
  }

  /** Forbids Jackson annotations that run code or create classes named in the JSON. */
  static VettingRule libraryAnnotations() {
    return rule(
        "library-annotations",
        "these annotations make Jackson run classes named in the JSON or in the annotation"
            + " instead of your own code; the plain ones stay allowed (@JsonProperty,"
            + " @JsonCreator, @JsonIgnore, @JsonInclude, @JsonTypeInfo(use = NAME) with"
            + " @JsonSubTypes of your own classes, ...)",
        new JacksonAnnotations());
  }

  private static VettingRule rule(String id, String reason, ArchCondition<JavaClass> condition) {
    return new VettingRule(
        id, reason, noClasses().should(condition).because(reason).allowEmptyShould(true));
  }
}
