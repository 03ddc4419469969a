package dev.awskit.grader.vetting;

import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaConstructorReference;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.domain.JavaMethodReference;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Describes one forbidden use found by a rule, in the words a {@link Violation} needs; ArchUnit
 * carries it from the condition to the evaluation result as the event's object.
 */
record Finding(String className, String method, int line, String sourceFile, String detail) {

  /** Names the static initializer as the class file does. */
  private static final String STATIC_INITIALIZER = "<clinit>";

  /** Matches the synthetic method javac writes for a lambda body: lambda$upload$0. */
  private static final Pattern LAMBDA = Pattern.compile("lambda\\$(.+)\\$\\d+");

  /** Describes an access from submission code to something a rule forbids. */
  static Finding of(JavaAccess<?> access) {
    JavaCodeUnit origin = access.getOrigin();
    return new Finding(
        access.getOriginOwner().getName(),
        method(origin, access.isDeclaredInLambda()),
        access.getLineNumber(),
        sourceFile(access.getOriginOwner()),
        detail(access));
  }

  /** Describes a forbidden declaration, such as a finalizer or a native method. */
  static Finding of(JavaCodeUnit declared, String detail) {
    return new Finding(
        declared.getOwner().getName(),
        method(declared, false),
        declared.getSourceCodeLocation().getLineNumber(),
        sourceFile(declared.getOwner()),
        detail);
  }

  /** Returns the finding as ArchUnit's event message, for rule reports. */
  String sentence() {
    return className + "." + method + " " + detail + " (line " + line + ")";
  }

  /**
   * Describes a forbidden use that a rule found in the bytecode of a method, given by its name in
   * the class file and the simple names of its parameter types.
   */
  static Finding at(
      JavaClass owner, String methodName, List<String> parameters, int line, String detail) {
    return new Finding(
        owner.getName(), method(owner, methodName, parameters, false), line, sourceFile(owner),
        detail);
  }

  private static String method(JavaCodeUnit unit, boolean inLambda) {
    List<String> parameters =
        unit.getRawParameterTypes().stream().map(Finding::simpleName).toList();
    return method(unit.getOwner(), unit.getName(), parameters, inLambda);
  }

  private static String method(
      JavaClass owner, String name, List<String> parameters, boolean inLambda) {
    Matcher lambda = LAMBDA.matcher(name);
    if (lambda.matches()) {
      // Older ArchUnit versions report the synthetic lambda method itself; its parameters are
      // captured variables, so only the enclosing method's name is shown.
      String enclosing = lambda.group(1);
      return "a lambda in "
          + switch (enclosing) {
            case "new" -> "constructor " + simpleName(owner);
            case "static" -> "static initializer";
            default -> enclosing;
          };
    }
    String list = String.join(", ", parameters);
    String readable;
    if (name.equals("<init>")) {
      readable = "constructor " + simpleName(owner) + "(" + list + ")";
    } else if (name.equals(STATIC_INITIALIZER)) {
      readable = "static initializer";
    } else {
      readable = name + "(" + list + ")";
    }
    return inLambda ? "a lambda in " + readable : readable;
  }

  private static String detail(JavaAccess<?> access) {
    AccessTarget target = access.getTarget();
    String owner = simpleName(target.getOwner());
    if (access instanceof JavaFieldAccess) {
      return "uses " + owner + "." + target.getName();
    }
    List<JavaClass> parameters =
        target instanceof AccessTarget.CodeUnitAccessTarget codeUnit
            ? codeUnit.getRawParameterTypes()
            : List.of();
    boolean constructor = access instanceof JavaConstructorCall || access instanceof JavaConstructorReference;
    if (constructor && access.getOrigin().isConstructor()
        && access.getOriginOwner().getRawSuperclass()
            .map(superclass -> superclass.equals(target.getOwner()))
            .orElse(false)) {
      return "extends " + owner;
    }
    String member = constructor ? "new " + owner : owner + "." + target.getName();
    String verb =
        access instanceof JavaMethodReference || access instanceof JavaConstructorReference
            ? "refers to "
            : "calls ";
    return verb + member + parameters(parameters);
  }

  private static String parameters(List<JavaClass> types) {
    return types.stream().map(Finding::simpleName).collect(Collectors.joining(", ", "(", ")"));
  }

  /** Returns a class's name without package, nested classes joined with a dot: Map.Entry. */
  static String simpleName(JavaClass type) {
    if (type.isArray()) {
      return type.tryGetComponentType()
          .map(Finding::simpleName)
          .orElseGet(
              () ->
                  Violation.readableName(TypeNames.elementName(type.getName()))
                      + "[]".repeat(TypeNames.dimensions(type.getName())));
    }
    return Violation.readableName(type.getName());
  }

  private static String sourceFile(JavaClass type) {
    String file = type.getSourceCodeLocation().getSourceFileName();
    return file == null ? "" : file;
  }
}
