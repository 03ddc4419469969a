package dev.awskit.grader.vetting;

import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Builds the predicates the rules are made of, on the target of an access: which class owns the
 * called method, constructor or field, and what it is called.
 *
 * <p>A subtype check needs the owner's class hierarchy. ArchUnit knows it for the submission's own
 * classes; the JDK and SDK classes they extend or use are left unresolved by the import (see
 * {@code archunit.properties}), and the grader's class loader answers for those.
 */
final class Uses {

  private Uses() {}

  /** Matches members named {@code names} (any member when none) of exactly {@code owner}. */
  static Predicate<JavaAccess<?>> member(String owner, String... names) {
    Set<String> wanted = Set.copyOf(Arrays.asList(names));
    return access ->
        access.getTargetOwner().getName().equals(owner)
            && (wanted.isEmpty() || wanted.contains(access.getTarget().getName()));
  }

  /** Matches members named {@code names} (any member when none) of {@code type} or a subtype. */
  static Predicate<JavaAccess<?>> memberOfSubtype(String type, String... names) {
    Set<String> wanted = Set.copyOf(Arrays.asList(names));
    SubtypeOf subtype = new SubtypeOf(type);
    return access ->
        (wanted.isEmpty() || wanted.contains(access.getTarget().getName()))
            && subtype.test(access.getTargetOwner());
  }

  /** Matches every member of {@code type} or a subtype except those named in {@code allowed}. */
  static Predicate<JavaAccess<?>> memberOfSubtypeExcept(String type, Set<String> allowed) {
    SubtypeOf subtype = new SubtypeOf(type);
    return access ->
        !allowed.contains(access.getTarget().getName()) && subtype.test(access.getTargetOwner());
  }

  /** Matches members of {@code owner} whose name starts with {@code prefix}. */
  static Predicate<JavaAccess<?>> memberNamedLike(String owner, String prefix) {
    return access ->
        access.getTargetOwner().getName().equals(owner)
            && access.getTarget().getName().startsWith(prefix);
  }

  /** Matches members of {@code owner} whose name ends with {@code suffix}. */
  static Predicate<JavaAccess<?>> memberNamedEnding(String owner, String suffix) {
    return access ->
        access.getTargetOwner().getName().equals(owner)
            && access.getTarget().getName().endsWith(suffix);
  }

  /** Matches any member of a class in one of {@code packages} or below. */
  static Predicate<JavaAccess<?>> inPackage(String... packages) {
    return access -> {
      String name = packageOf(access.getTargetOwner());
      for (String prefix : packages) {
        if (name.equals(prefix)
            || (name.startsWith(prefix) && name.charAt(prefix.length()) == '.')) {
          return true;
        }
      }
      return false;
    };
  }

  /** Matches any constructor of {@code type} or a subtype, a subclass's super() call included. */
  static Predicate<JavaAccess<?>> constructorOfSubtype(String type) {
    return memberOfSubtype(type, "<init>");
  }

  /**
   * Matches a call of, or reference to, a method or constructor with a parameter of {@code type}
   * (or an array of it), whoever owns it.
   */
  static Predicate<JavaAccess<?>> takesParameter(String type) {
    return access ->
        parameters(access).stream()
            .anyMatch(parameter -> baseNameOf(parameter).equals(type));
  }

  /** Matches a method or constructor whose first parameter is one of {@code types}. */
  static Predicate<JavaAccess<?>> firstParameterIs(String... types) {
    Set<String> wanted = Set.copyOf(Arrays.asList(types));
    return access -> {
      List<JavaClass> parameters = parameters(access);
      return !parameters.isEmpty() && wanted.contains(parameters.get(0).getName());
    };
  }

  /**
   * Matches a static {@code create} or {@code builder} method of an SDK client or presigner
   * ({@code software.amazon.awssdk..*Client}, {@code *Presigner}), and a static {@code create} of
   * a waiter, which builds a client of its own.
   */
  static Predicate<JavaAccess<?>> sdkClientFactory() {
    return access -> {
      JavaClass owner = access.getTargetOwner();
      if (!packageOf(owner).startsWith("software.amazon.awssdk.")) {
        return false;
      }
      String simple = owner.getSimpleName();
      String name = access.getTarget().getName();
      boolean client = simple.endsWith("Client") || simple.endsWith("Presigner");
      boolean waiter = simple.endsWith("Waiter");
      boolean factory =
          (client && (name.equals("create") || name.equals("builder")))
              || (waiter && name.equals("create"));
      return factory && isStatic(access.getTarget());
    };
  }

  private static boolean isStatic(AccessTarget target) {
    // An unresolved target cannot be checked; a factory's name and owner are evidence enough.
    return target.resolveMember()
        .map(member -> member.getModifiers().contains(JavaModifier.STATIC))
        .orElse(true);
  }

  private static List<JavaClass> parameters(JavaAccess<?> access) {
    return access.getTarget() instanceof AccessTarget.CodeUnitAccessTarget codeUnit
        ? codeUnit.getRawParameterTypes()
        : List.of();
  }

  /**
   * Returns the name of a type, or of the elements of an array type; the import leaves the
   * element type of a library array unresolved, so it is read from the name then.
   */
  private static String baseNameOf(JavaClass type) {
    if (!type.isArray()) {
      return type.getName();
    }
    return type.tryGetComponentType()
        .map(Uses::baseNameOf)
        .orElseGet(() -> TypeNames.elementName(type.getName()));
  }

  /**
   * Tells whether a class is one type or one of its subtypes, asking the grader's class loader
   * about the classes the import left unresolved: the class itself when it is a library class, or
   * the library classes a submission class extends or implements. Those are the grader's own
   * libraries (the submission was compiled against them), loaded without being initialised; a
   * class of the submission is always imported, so it is never loaded here.
   *
   * <p>It remembers its answer for each library class it found: every rule asks about the same
   * few hundred JDK and SDK classes for every access of every submission, and asking the class
   * loader each time took a third of the rules' time in a batch. A name the class loader does
   * not know is not remembered, so what a submission names cannot grow the memory.
   */
  static final class SubtypeOf implements Predicate<JavaClass> {

    private final String type;
    private final Map<String, Boolean> libraryAnswers = new ConcurrentHashMap<>();

    SubtypeOf(String type) {
      this.type = type;
    }

    @Override
    public boolean test(JavaClass owner) {
      // Names compared by hand (JavaClass.isAssignableTo(String) builds described predicates on
      // every call), in loops: every rule asks this of almost every access of every submission.
      if (owner.getName().equals(type)) {
        return true;
      }
      List<JavaClass> superclasses = owner.getAllRawSuperclasses();
      Set<JavaClass> interfaces = owner.getAllRawInterfaces();
      return anyNamed(superclasses, type)
          || anyNamed(interfaces, type)
          || isLibrarySubtype(owner)
          || anyLibrarySubtype(superclasses)
          || anyLibrarySubtype(interfaces);
    }

    private boolean anyLibrarySubtype(Collection<JavaClass> classes) {
      for (JavaClass known : classes) {
        if (isLibrarySubtype(known)) {
          return true;
        }
      }
      return false;
    }

    private boolean isLibrarySubtype(JavaClass known) {
      return !known.isFullyImported() && isLibrarySubtype(known.getName());
    }

    private boolean isLibrarySubtype(String name) {
      Boolean known = libraryAnswers.get(name);
      if (known != null) {
        return known;
      }
      ClassLoader libraries = Uses.class.getClassLoader();
      try {
        boolean answer =
            Class.forName(type, false, libraries)
                .isAssignableFrom(Class.forName(name, false, libraries));
        libraryAnswers.put(name, answer);
        return answer;
      } catch (ClassNotFoundException | LinkageError unknown) {
        // An array type, or a class the grader does not have: not one of the types the rules name.
        return false;
      }
    }

    private static boolean anyNamed(Collection<JavaClass> classes, String name) {
      for (JavaClass type : classes) {
        if (type.getName().equals(name)) {
          return true;
        }
      }
      return false;
    }
  }

  private static String packageOf(JavaClass type) {
    String name = baseNameOf(type);
    return name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : "";
  }
}
