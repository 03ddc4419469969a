package dev.awskit.grader.vetting;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaGenericArrayType;
import com.tngtech.archunit.core.domain.JavaParameterizedType;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.domain.JavaTypeVariable;
import com.tngtech.archunit.core.domain.JavaWildcardType;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Tells which types a submission may have Jackson create from JSON: its own classes, JSON trees,
 * and the JDK's plain values (strings, boxed primitives, big numbers, collections and maps,
 * {@code Optional}, {@code java.time} values, {@code Object}), and arrays of these.
 *
 * <p>Jackson creates any other type it is given by calling its constructors and setters, so a
 * {@code FileOutputStream}, a {@code ProcessBuilder} or a {@code Thread} could be made from a
 * JSON string without a single forbidden call in the submission's code.
 */
final class JsonTypes {

  /** Lists the JDK types Jackson reads as plain values, without running code of their own. */
  private static final Set<String> JDK_VALUES =
      Set.of(
          "java.lang.Object", "java.lang.String", "java.lang.CharSequence", "java.lang.Number",
          "java.lang.Boolean", "java.lang.Character", "java.lang.Byte", "java.lang.Short",
          "java.lang.Integer", "java.lang.Long", "java.lang.Float", "java.lang.Double",
          "java.math.BigDecimal", "java.math.BigInteger", "java.util.UUID",
          "java.util.Collection", "java.util.List", "java.util.ArrayList", "java.util.LinkedList",
          "java.util.Set", "java.util.HashSet", "java.util.LinkedHashSet", "java.util.SortedSet",
          "java.util.NavigableSet", "java.util.TreeSet", "java.util.Queue", "java.util.Deque",
          "java.util.ArrayDeque", "java.util.Map", "java.util.HashMap", "java.util.LinkedHashMap",
          "java.util.SortedMap", "java.util.NavigableMap", "java.util.TreeMap",
          "java.util.Optional", "java.util.OptionalInt", "java.util.OptionalLong",
          "java.util.OptionalDouble", "java.time.Instant", "java.time.LocalDate",
          "java.time.LocalDateTime", "java.time.LocalTime", "java.time.OffsetDateTime",
          "java.time.OffsetTime", "java.time.ZonedDateTime", "java.time.Duration",
          "java.time.Period", "java.time.Year", "java.time.YearMonth", "java.time.MonthDay",
          "java.time.ZoneId", "java.time.ZoneOffset", "java.time.DayOfWeek", "java.time.Month",
          "boolean", "byte", "char", "short", "int", "long", "float", "double");

  private static final Set<String> JSON_TREES =
      Set.of(
          "com.fasterxml.jackson.databind.JsonNode", "com.fasterxml.jackson.core.TreeNode");

  private static final String NODE_PACKAGE = "com.fasterxml.jackson.databind.node.";

  private JsonTypes() {}

  /**
   * Tells whether Jackson may create the class named {@code name} (binary or array name) that is
   * not the submission's own: a plain JDK value or a JSON tree.
   */
  static boolean allowed(String name) {
    String element = TypeNames.elementName(name);
    return JDK_VALUES.contains(element)
        || JSON_TREES.contains(element)
        || element.startsWith(NODE_PACKAGE);
  }

  /**
   * Returns why Jackson may not create {@code type}: the first class in it (its raw class, type
   * arguments, bounds and array elements) that {@code judge} refuses, in the judge's words;
   * empty when all are allowed.
   *
   * @param variables whether a type variable stands for its bounds (in a class Jackson reads,
   *     where the reading site names the rest) or is refused (where the reading site itself is
   *     written, since what it stands for is not known there)
   */
  static Optional<String> firstRefused(
      JavaType type, Function<String, Optional<String>> judge, boolean variables) {
    if (type instanceof JavaParameterizedType parameterized) {
      return Stream.concat(
              Stream.of(parameterized.toErasure()),
              parameterized.getActualTypeArguments().stream())
          .map(part -> firstRefused(part, judge, variables))
          .flatMap(Optional::stream)
          .findFirst();
    }
    if (type instanceof JavaWildcardType wildcard) {
      return Stream.concat(wildcard.getUpperBounds().stream(), wildcard.getLowerBounds().stream())
          .map(bound -> firstRefused(bound, judge, variables))
          .flatMap(Optional::stream)
          .findFirst();
    }
    if (type instanceof JavaGenericArrayType array) {
      return firstRefused(array.getComponentType(), judge, variables);
    }
    if (type instanceof JavaTypeVariable<?> variable) {
      if (!variables) {
        return Optional.of("the type variable " + variable.getName());
      }
      return variable.getUpperBounds().stream()
          .map(bound -> firstRefused(bound, judge, true))
          .flatMap(Optional::stream)
          .findFirst();
    }
    JavaClass raw = type.toErasure();
    return judge.apply(raw.getName());
  }
}
