package dev.awskit.grader.vetting;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.Source;
import com.tngtech.archunit.thirdparty.org.objectweb.asm.ClassReader;
import com.tngtech.archunit.thirdparty.org.objectweb.asm.ClassVisitor;
import com.tngtech.archunit.thirdparty.org.objectweb.asm.Handle;
import com.tngtech.archunit.thirdparty.org.objectweb.asm.Label;
import com.tngtech.archunit.thirdparty.org.objectweb.asm.MethodVisitor;
import com.tngtech.archunit.thirdparty.org.objectweb.asm.Opcodes;
import com.tngtech.archunit.thirdparty.org.objectweb.asm.Type;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the bytecode of one class for the calls of Jackson methods that take a {@code Class} (or
 * a {@code java.lang.reflect.Type}), and judges the class each one is given.
 *
 * <p>The class must be a class literal written at the call: the instruction right before the
 * call pushes the last argument, so when the {@code Class} is the last parameter and that
 * instruction loads a class constant, the class is known. Anything else (a variable, a field,
 * {@code getClass()}, a conditional, whose branches meet in a stack-map frame) is refused, since
 * the grader cannot know the class. The bytes come from the class file ArchUnit imported, through
 * ArchUnit's own copy of ASM.
 */
final class CallSites extends MethodVisitor {

  private static final String JACKSON = "com/fasterxml/jackson/";
  private static final Set<String> CLASS_LIKE = Set.of("java.lang.Class", "java.lang.reflect.Type");
  private static final Set<String> BOXES =
      Set.of(
          "java/lang/Boolean", "java/lang/Byte", "java/lang/Character", "java/lang/Short",
          "java/lang/Integer", "java/lang/Long", "java/lang/Float", "java/lang/Double");

  private final JavaClass owner;
  private final String name;
  private final String descriptor;
  private final JsonBindings.Judge judge;
  private final List<Finding> found;
  private int line;
  /** The class the previous instruction loaded as a constant, or null when it loaded none. */
  private String literal;

  private CallSites(
      JavaClass owner, String name, String descriptor, JsonBindings.Judge judge,
      List<Finding> found) {
    super(Opcodes.ASM9);
    this.owner = owner;
    this.name = name;
    this.descriptor = descriptor;
    this.judge = judge;
    this.found = found;
  }

  /** Returns the refused Jackson calls in the class file of {@code type}. */
  static List<Finding> scan(JavaClass type, JsonBindings.Judge judge) {
    Path file = type.getSource().map(Source::getUri).map(Path::of).orElse(null);
    if (file == null) {
      return List.of();
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
    List<Finding> found = new ArrayList<>();
    new ClassReader(bytes)
        .accept(
            new ClassVisitor(Opcodes.ASM9) {
              @Override
              public MethodVisitor visitMethod(
                  int access, String method, String desc, String signature, String[] thrown) {
                return new CallSites(type, method, desc, judge, found);
              }
            },
            0);
    return found;
  }

  @Override
  public void visitLineNumber(int number, Label start) {
    line = number;
  }

  @Override
  public void visitFrame(int type, int locals, Object[] local, int stack, Object[] onStack) {
    // Branches meet here: the value on the stack may come from another path.
    literal = null;
  }

  @Override
  public void visitLdcInsn(Object value) {
    literal =
        value instanceof Type type && (type.getSort() == Type.OBJECT || type.getSort() == Type.ARRAY)
            ? type.getClassName()
            : null;
  }

  @Override
  public void visitFieldInsn(int opcode, String fieldOwner, String field, String desc) {
    // int.class compiles to Integer.TYPE.
    boolean primitive =
        opcode == Opcodes.GETSTATIC && field.equals("TYPE") && BOXES.contains(fieldOwner);
    literal = primitive ? "int" : null;
  }

  @Override
  public void visitMethodInsn(
      int opcode, String callOwner, String method, String desc, boolean isInterface) {
    if (callOwner.startsWith(JACKSON)) {
      Type[] parameters = Type.getArgumentTypes(desc);
      for (int i = 0; i < parameters.length; i++) {
        if (CLASS_LIKE.contains(TypeNames.elementName(parameters[i].getClassName()))) {
          judge(callOwner, method, parameters, i == parameters.length - 1, literal);
        }
      }
    }
    literal = null;
  }

  private void judge(
      String callOwner, String method, Type[] parameters, boolean last, String given) {
    String called = Violation.readableName(callOwner.replace('/', '.')) + "." + method
        + names(parameters);
    if (!last) {
      add("passes " + called + " a Class the grader cannot check (only a class literal written"
          + " as the last argument can be checked)");
      return;
    }
    if (given == null) {
      add("passes " + called + " a Class that is not written as a class literal, so the grader"
          + " cannot tell which class Jackson would create");
      return;
    }
    judge.refusal(given)
        .ifPresent(
            why -> {
              String type = JsonBindings.readable(given);
              add("passes " + type + ".class to " + called
                  + (why.equals(type) ? "" : ", and Jackson would create a " + why));
            });
  }

  @Override
  public void visitInvokeDynamicInsn(String method, String desc, Handle bootstrap, Object... args) {
    for (Object argument : args) {
      if (argument instanceof Handle handle
          && handle.getOwner().startsWith(JACKSON)
          && Arrays.stream(Type.getArgumentTypes(handle.getDesc()))
              .anyMatch(type -> CLASS_LIKE.contains(TypeNames.elementName(type.getClassName())))) {
        add("refers to " + Violation.readableName(handle.getOwner().replace('/', '.')) + "."
            + handle.getName() + names(Type.getArgumentTypes(handle.getDesc()))
            + ", so the grader cannot tell which class Jackson would create");
      }
    }
    literal = null;
  }

  @Override
  public void visitInsn(int opcode) {
    literal = null;
  }

  @Override
  public void visitIntInsn(int opcode, int operand) {
    literal = null;
  }

  @Override
  public void visitVarInsn(int opcode, int variable) {
    literal = null;
  }

  @Override
  public void visitTypeInsn(int opcode, String type) {
    literal = null;
  }

  @Override
  public void visitJumpInsn(int opcode, Label label) {
    literal = null;
  }

  @Override
  public void visitIincInsn(int variable, int increment) {
    literal = null;
  }

  @Override
  public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
    literal = null;
  }

  @Override
  public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
    literal = null;
  }

  @Override
  public void visitMultiANewArrayInsn(String desc, int dimensions) {
    literal = null;
  }

  private void add(String detail) {
    List<String> parameters =
        Arrays.stream(Type.getArgumentTypes(descriptor))
            .map(type -> JsonBindings.readable(type.getClassName()))
            .toList();
    found.add(Finding.at(owner, name, parameters, line, detail));
  }

  private static String names(Type[] parameters) {
    return Arrays.stream(parameters)
        .map(type -> JsonBindings.readable(type.getClassName()))
        .collect(Collectors.joining(", ", "(", ")"));
  }
}
