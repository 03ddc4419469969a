package dev.awskit.grader.vetting;

import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaEnumConstant;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds Jackson annotations that make Jackson run code or create classes named in the JSON:
 * {@code @JsonTypeInfo} with class names, custom serializers, deserializers, builders, type
 * resolvers and value instantiators, appended properties, injected values, and any Jackson
 * annotation that names a class of the JDK or of a library.
 *
 * <p>Annotations on the class itself, its fields, methods, constructors and their parameters
 * are read. A class or a field has no line in the class file, so what is wrong with them is
 * reported at the class's first constructor.
 */
final class JacksonAnnotations extends ArchCondition<JavaClass> {

  private static final String ANNOTATION = "com.fasterxml.jackson.annotation.";
  private static final String DATABIND_ANNOTATION = "com.fasterxml.jackson.databind.annotation.";

  /** Lists the annotations refused whatever they say. */
  private static final Set<String> REFUSED =
      Set.of(
          DATABIND_ANNOTATION + "JsonDeserialize", DATABIND_ANNOTATION + "JsonTypeIdResolver",
          DATABIND_ANNOTATION + "JsonTypeResolver", DATABIND_ANNOTATION + "JsonValueInstantiator",
          DATABIND_ANNOTATION + "JsonAppend", ANNOTATION + "JacksonInject");

  /** Lists the {@code @JsonSerialize} properties that name a class Jackson runs. */
  private static final Set<String> SERIALIZE_CODE =
      Set.of(
          "using", "keyUsing", "contentUsing", "nullsUsing", "converter", "contentConverter", "as",
          "keyAs", "contentAs");

  /** Lists the {@code @JsonTypeInfo} kinds of type id that name a class in the JSON. */
  private static final Set<String> CLASS_IDS = Set.of("CLASS", "MINIMAL_CLASS", "CUSTOM");

  JacksonAnnotations() {
    super(
        "carry Jackson annotations that run code or create classes named in the JSON"
            + " (@JsonTypeInfo(use = CLASS, MINIMAL_CLASS or CUSTOM), @JsonTypeIdResolver,"
            + " @JsonTypeResolver, @JsonDeserialize, @JsonSerialize(using, as, converter, ...),"
            + " @JsonAppend, @JsonValueInstantiator, @JacksonInject, a Jackson annotation that"
            + " names a class of the JDK or a library)");
  }

  @Override
  public void check(JavaClass type, ConditionEvents events) {
    for (JavaAnnotation<?> annotation : type.getAnnotations()) {
      refusal(annotation)
          .ifPresent(why -> report(events, type, "is in a class annotated " + why));
    }
    for (JavaField field : type.getFields()) {
      for (JavaAnnotation<?> annotation : field.getAnnotations()) {
        refusal(annotation)
            .ifPresent(
                why ->
                    report(
                        events, type,
                        "is in a class whose field " + field.getName() + " is annotated " + why));
      }
    }
    for (JavaCodeUnit unit : type.getCodeUnits()) {
      unit.getAnnotations().stream()
          .flatMap(annotation -> refusal(annotation).stream())
          .forEach(why -> report(events, Finding.of(unit, "is annotated " + why)));
      unit.getParameters().stream()
          .flatMap(parameter -> parameter.getAnnotations().stream())
          .flatMap(annotation -> refusal(annotation).stream())
          .forEach(why -> report(events, Finding.of(unit, "has a parameter annotated " + why)));
    }
  }

  /**
   * Returns what is wrong with {@code annotation}, as the annotation a student reads ("@JsonTypeInfo(use
   * = CLASS)"), if anything.
   */
  static Optional<String> refusal(JavaAnnotation<?> annotation) {
    String name = annotation.getRawType().getName();
    if (!name.startsWith("com.fasterxml.jackson.")) {
      return Optional.empty();
    }
    String shown = "@" + Violation.readableName(name);
    if (REFUSED.contains(name)) {
      return Optional.of(shown);
    }
    if (name.equals(DATABIND_ANNOTATION + "JsonSerialize")
        && SERIALIZE_CODE.stream().anyMatch(annotation::hasExplicitlyDeclaredProperty)) {
      return Optional.of(shown + " with a class of its own to run");
    }
    if (name.equals(ANNOTATION + "JsonTypeInfo")) {
      Optional<String> use =
          annotation.tryGetExplicitlyDeclaredProperty("use")
              .filter(JavaEnumConstant.class::isInstance)
              .map(value -> ((JavaEnumConstant) value).name());
      if (use.isPresent() && CLASS_IDS.contains(use.get())) {
        return Optional.of(shown + "(use = " + use.get() + ")");
      }
    }
    return JsonBindings.classesIn(annotation)
        .map(JavaClass::getName)
        .filter(JacksonAnnotations::foreign)
        .findFirst()
        .map(foreign -> shown + " naming " + JsonBindings.readable(foreign));
  }

  /** Tells whether a class named in an annotation belongs to the JDK or a library. */
  private static boolean foreign(String name) {
    String element = TypeNames.elementName(name);
    return Stream.of("java.", "javax.", "jdk.", "sun.", "com.sun.", "software.amazon.", "org.")
            .anyMatch(element::startsWith)
        || (element.startsWith("com.fasterxml.jackson.") && !element.startsWith(ANNOTATION));
  }

  /**
   * Reports a finding about the class or a field, which have no line of their own, at the first
   * constructor of the class (where {@code new} runs the annotated code), or with line 0.
   */
  private static void report(ConditionEvents events, JavaClass type, String detail) {
    Optional<JavaCodeUnit> first =
        type.getCodeUnits().stream()
            .min(
                Comparator.comparingInt((JavaCodeUnit unit) -> unit.isConstructor() ? 0 : 1)
                    .thenComparingInt(unit -> unit.getSourceCodeLocation().getLineNumber()));
    report(
        events,
        first
            .map(unit -> Finding.of(unit, detail))
            .orElseGet(() -> new Finding(type.getName(), "class", 0, sourceFile(type), detail)));
  }

  private static void report(ConditionEvents events, Finding finding) {
    events.add(SimpleConditionEvent.satisfied(finding, finding.sentence()));
  }

  private static String sourceFile(JavaClass type) {
    String file = type.getSourceCodeLocation().getSourceFileName();
    return file == null ? "" : file;
  }
}
