package dev.awskit.grader.vetting;

import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Names the part of Jackson a submission may use: reading and writing JSON text, trees, maps,
 * lists and its own classes with {@code ObjectMapper}, {@code JsonMapper} and their readers,
 * writers and builders, the tree nodes, the feature switches, the streaming API of
 * {@code jackson-core} and the annotations. Everything else Jackson offers (modules, mix-ins,
 * default typing, handler instantiators, injectable values, the type factory, its introspection
 * and reflection helpers, custom serializers and deserializers) is refused.
 */
final class JacksonApi {

  static final String JACKSON = "com.fasterxml.jackson.";

  /** Lists the classes of {@code jackson-databind} a submission may use. */
  private static final Set<String> DATABIND_CLASSES =
      Set.of(
          "com.fasterxml.jackson.databind.ObjectMapper",
          "com.fasterxml.jackson.databind.ObjectReader",
          "com.fasterxml.jackson.databind.ObjectWriter",
          "com.fasterxml.jackson.databind.JsonNode",
          "com.fasterxml.jackson.databind.JavaType",
          "com.fasterxml.jackson.databind.MappingIterator",
          "com.fasterxml.jackson.databind.SequenceWriter",
          "com.fasterxml.jackson.databind.SerializationFeature",
          "com.fasterxml.jackson.databind.DeserializationFeature",
          "com.fasterxml.jackson.databind.MapperFeature",
          "com.fasterxml.jackson.databind.PropertyNamingStrategies",
          "com.fasterxml.jackson.databind.PropertyNamingStrategy",
          "com.fasterxml.jackson.databind.DatabindException",
          "com.fasterxml.jackson.databind.JsonMappingException",
          "com.fasterxml.jackson.databind.RuntimeJsonMappingException",
          "com.fasterxml.jackson.databind.json.JsonMapper",
          "com.fasterxml.jackson.databind.json.JsonMapper$Builder",
          "com.fasterxml.jackson.databind.cfg.MapperBuilder",
          "com.fasterxml.jackson.databind.cfg.JsonNodeFeature",
          "com.fasterxml.jackson.databind.cfg.EnumFeature");

  /** Lists the packages whose every class a submission may use. */
  private static final List<String> OPEN_PACKAGES =
      List.of(
          "com.fasterxml.jackson.databind.node", "com.fasterxml.jackson.databind.exc",
          "com.fasterxml.jackson.core", "com.fasterxml.jackson.annotation");

  /** Lists the classes of the open packages that are refused all the same. */
  private static final Set<String> CLOSED_CLASSES =
      Set.of("com.fasterxml.jackson.core.util.VersionUtil");

  /**
   * Lists members of the allowed classes that hand Jackson code or types to run: mix-ins,
   * modules (found through {@code ServiceLoader} too), default typing and subtypes, handler
   * instantiators, injectable values, the type factory, annotation introspectors, serializer
   * factories, and the configuration objects that expose Jackson's introspection.
   */
  private static final Set<String> REFUSED_MEMBERS =
      Set.of(
          "addMixIn", "addMixIns", "addMixInAnnotations", "setMixIns", "setMixInResolver",
          "registerModule", "registerModules", "findAndRegisterModules", "findModules",
          "addModule", "addModules", "findAndAddModules", "setHandlerInstantiator",
          "handlerInstantiator", "setInjectableValues", "injectableValues", "setTypeFactory",
          "typeFactory", "getTypeFactory", "setDefaultTyping", "activateDefaultTyping",
          "activateDefaultTypingAsProperty", "enableDefaultTyping",
          "enableDefaultTypingAsProperty", "setPolymorphicTypeValidator",
          "polymorphicTypeValidator", "registerSubtypes", "setSubtypeResolver", "subtypeResolver",
          "setAnnotationIntrospector", "setAnnotationIntrospectors", "annotationIntrospector",
          "setSerializerFactory", "serializerFactory", "setSerializerProvider",
          "serializerProvider", "getDeserializationConfig", "getSerializationConfig",
          "getDeserializationContext", "getSerializerProvider", "getSerializerProviderInstance",
          "getSerializerFactory", "getSubtypeResolver", "setConfig", "configOverride",
          "withConfigOverride", "setConstructorDetector", "constructorDetector",
          "setAccessorNaming", "accessorNaming", "readerForUpdating", "updateValue",
          "withValueToUpdate", "getInjectableValues", "getPolymorphicTypeValidator");

  private JacksonApi() {}

  /**
   * Matches a use of Jackson outside what the handout names: a class or member that is not on
   * the lists, a member that takes such a class, or a subclass of any Jackson class except
   * {@code TypeReference}.
   */
  static Predicate<JavaAccess<?>> refusedUses() {
    return access -> {
      String owner = access.getTargetOwner().getName();
      if (!owner.startsWith(JACKSON)) {
        return false;
      }
      return !allowedClass(owner)
          || REFUSED_MEMBERS.contains(access.getTarget().getName())
          || takesRefusedJacksonType(access)
          || extendsJackson(access);
    };
  }

  private static boolean allowedClass(String name) {
    if (CLOSED_CLASSES.contains(name)) {
      return false;
    }
    return DATABIND_CLASSES.contains(name)
        || OPEN_PACKAGES.stream().anyMatch(open -> name.startsWith(open + "."));
  }

  private static boolean takesRefusedJacksonType(JavaAccess<?> access) {
    return access.getTarget() instanceof AccessTarget.CodeUnitAccessTarget codeUnit
        && codeUnit.getRawParameterTypes().stream()
            .map(parameter -> TypeNames.elementName(parameter.getName()))
            .anyMatch(name -> name.startsWith(JACKSON) && !allowedClass(name));
  }

  /** Matches the {@code super(...)} call of a class that extends a Jackson class. */
  private static boolean extendsJackson(JavaAccess<?> access) {
    JavaClass origin = access.getOriginOwner();
    return access.getTarget().getName().equals("<init>")
        && access.getOrigin().isConstructor()
        && origin.getRawSuperclass()
            .map(superclass -> superclass.equals(access.getTargetOwner()))
            .orElse(false)
        && !access.getTargetOwner().getName().equals(JsonBindings.TYPE_REFERENCE);
  }
}
