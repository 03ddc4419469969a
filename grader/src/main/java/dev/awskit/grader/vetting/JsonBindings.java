package dev.awskit.grader.vetting;

import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaParameterizedType;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds the places where a submission has Jackson create a type it may not (see {@link
 * JsonTypes}): a class literal passed to a Jackson method ({@code readValue(json,
 * ProcessBuilder.class)}, {@code readValue(json, Class.class)}), a {@code Class} that is not
 * written as a class literal at all (so the grader cannot tell what it is), a {@code
 * TypeReference} to such a type, and an own class whose fields, constructor or setter parameters
 * are of such a type, since Jackson creates those too.
 *
 * <p>ArchUnit sees which method is called, not its arguments, so the bytecode of each method is
 * read as well ({@link CallSites}). The findings for all classes are worked out once, in {@link
 * #init}, because an own class's fields decide whether a literal naming it is allowed.
 */
final class JsonBindings extends ArchCondition<JavaClass> {

  static final String TYPE_REFERENCE = "com.fasterxml.jackson.core.type.TypeReference";

  private static final Set<String> PROPERTY_ANNOTATIONS =
      Set.of(
          "com.fasterxml.jackson.annotation.JsonCreator",
          "com.fasterxml.jackson.annotation.JsonSetter",
          "com.fasterxml.jackson.annotation.JsonProperty",
          "com.fasterxml.jackson.annotation.JsonAnySetter");

  private final ThreadLocal<Map<String, List<Finding>>> findings =
      ThreadLocal.withInitial(Map::of);

  JsonBindings() {
    super(
        "have Jackson create classes other than their own, JSON trees and plain values (a class"
            + " literal such as ProcessBuilder.class or Class.class passed to readValue,"
            + " convertValue, treeToValue, readerFor or forType; a Class that is not a class"
            + " literal; a TypeReference to such a class; an own class read from JSON with a field"
            + " or parameter of such a class)");
  }

  @Override
  public void init(Collection<JavaClass> classes) {
    Map<String, JavaClass> own = new HashMap<>();
    classes.forEach(type -> own.put(type.getName(), type));
    Judge judge = new Judge(own);
    Map<String, List<Finding>> found = new HashMap<>();
    for (JavaClass type : classes) {
      List<Finding> list = new ArrayList<>(CallSites.scan(type, judge));
      list.addAll(typeReference(type, judge));
      found.put(type.getName(), list);
    }
    findings.set(found);
  }

  @Override
  public void check(JavaClass type, ConditionEvents events) {
    for (Finding finding : findings.get().getOrDefault(type.getName(), List.of())) {
      events.add(SimpleConditionEvent.satisfied(finding, finding.sentence()));
    }
  }

  @Override
  public void finish(ConditionEvents events) {
    findings.remove();
  }

  /** Checks an own subclass of {@code TypeReference}: what it names, and that it overrides nothing. */
  private static List<Finding> typeReference(JavaClass type, Judge judge) {
    Optional<JavaType> superclass = type.getSuperclass();
    if (superclass.isEmpty() || !superclass.get().toErasure().getName().equals(TYPE_REFERENCE)) {
      return List.of();
    }
    List<Finding> found = new ArrayList<>();
    JavaCodeUnit constructor = type.getConstructors().iterator().next();
    if (superclass.get() instanceof JavaParameterizedType parameterized) {
      for (JavaType argument : parameterized.getActualTypeArguments()) {
        JsonTypes.firstRefused(argument, judge::refusal, false)
            .ifPresent(why -> found.add(Finding.of(constructor, "makes a TypeReference to " + why)));
      }
    }
    type.getMethods().stream()
        .filter(method -> !method.getModifiers().contains(JavaModifier.SYNTHETIC))
        .forEach(
            method ->
                found.add(
                    Finding.of(
                        method,
                        "overrides TypeReference." + method.getName()
                            + "(), which tells Jackson which class to create")));
    return found;
  }

  /**
   * Tells whether Jackson may create a class, and if not, why, in words for the student:
   * "ProcessBuilder", or "FileOutputStream for Holder.out" when an own class is refused for what
   * it holds. It remembers its answers about own classes.
   */
  static final class Judge {

    private final Map<String, JavaClass> own;
    private final Map<String, Optional<String>> ownAnswers = new HashMap<>();

    Judge(Map<String, JavaClass> own) {
      this.own = own;
    }

    /** Returns why Jackson may not create the class {@code name}; empty when it may. */
    Optional<String> refusal(String name) {
      String element = TypeNames.elementName(name);
      if (own.containsKey(element)) {
        return ownRefusal(own.get(element));
      }
      return JsonTypes.allowed(element)
          ? Optional.empty()
          : Optional.of(readable(name));
    }

    /** Tells whether {@code name} is a class of the submission. */
    boolean isOwn(String name) {
      return own.containsKey(TypeNames.elementName(name));
    }

    private Optional<String> ownRefusal(JavaClass type) {
      Optional<String> known = ownAnswers.get(type.getName());
      if (known != null) {
        return known;
      }
      // A class that holds itself, directly or not, is judged by its other properties.
      ownAnswers.put(type.getName(), Optional.empty());
      Optional<String> answer = properties(type).flatMap(this::judged).findFirst();
      ownAnswers.put(type.getName(), answer);
      return answer;
    }

    private Stream<String> judged(Property property) {
      return JsonTypes.firstRefused(property.type(), this::refusal, true)
          .map(why -> why.contains(" for ") ? why : why + " for " + property.label())
          .stream();
    }

    /** Lists what Jackson may create when it creates {@code type}. */
    private Stream<Property> properties(JavaClass type) {
      String owner = Violation.readableName(type.getName());
      Stream<Property> fields =
          type.getFields().stream()
              .filter(field -> !field.getModifiers().contains(JavaModifier.STATIC))
              .filter(field -> !field.getModifiers().contains(JavaModifier.SYNTHETIC))
              .map(field -> new Property(owner + "." + field.getName(), field.getType()));
      Stream<Property> parameters =
          type.getCodeUnits().stream()
              .filter(unit -> unit.isConstructor() || isSetter(unit) || isAnnotatedForJson(unit))
              .flatMap(
                  unit ->
                      unit.getParameterTypes().stream()
                          .map(parameter -> new Property(label(owner, unit), parameter)));
      Stream<Property> superclass =
          type.getRawSuperclass().stream()
              .filter(parent -> isOwn(parent.getName()))
              .map(parent -> new Property(owner, parent));
      Stream<Property> subtypes =
          type.getAnnotations().stream()
              .filter(a -> a.getRawType().getName().endsWith(".JsonSubTypes"))
              .flatMap(JsonBindings::classesIn)
              .map(subtype -> new Property(owner, subtype));
      return Stream.of(fields, parameters, superclass, subtypes).flatMap(stream -> stream);
    }

    private static boolean isSetter(JavaCodeUnit unit) {
      return unit.getName().startsWith("set")
          && unit.getRawParameterTypes().size() == 1
          && !unit.getModifiers().contains(JavaModifier.STATIC);
    }

    private static boolean isAnnotatedForJson(JavaCodeUnit unit) {
      return unit.getAnnotations().stream()
          .anyMatch(a -> PROPERTY_ANNOTATIONS.contains(a.getRawType().getName()));
    }

    private static String label(String owner, JavaCodeUnit unit) {
      return unit.isConstructor()
          ? "the constructor of " + owner
          : owner + "." + unit.getName() + "(...)";
    }
  }

  /** Names one thing Jackson creates along with a class: a field, a parameter, a subtype. */
  private record Property(String label, JavaType type) {}

  /** Returns the classes an annotation names, nested annotations included. */
  static Stream<JavaClass> classesIn(JavaAnnotation<?> annotation) {
    return annotation.getProperties().values().stream().flatMap(JsonBindings::classesInValue);
  }

  private static Stream<JavaClass> classesInValue(Object value) {
    if (value instanceof JavaClass type) {
      return Stream.of(type);
    }
    if (value instanceof JavaAnnotation<?> nested) {
      return classesIn(nested);
    }
    if (value instanceof Object[] values) {
      return Stream.of(values).flatMap(JsonBindings::classesInValue);
    }
    return Stream.empty();
  }

  /** Returns a binary or array class name as a student reads it: FileOutputStream, String[]. */
  static String readable(String name) {
    return Violation.readableName(TypeNames.elementName(name))
        + "[]".repeat(TypeNames.dimensions(name));
  }
}
