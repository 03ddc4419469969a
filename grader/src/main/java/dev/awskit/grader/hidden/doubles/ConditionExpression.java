package dev.awskit.grader.hidden.doubles;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A DynamoDB condition or filter expression, read by {@link ExpressionParser} (an ANTLR grammar)
 * and evaluated on items, so that the hidden tests grade what an expression <em>means</em> rather
 * than how it is spelled: any placeholder names, any operand order, functions, {@code BETWEEN}, {@code IN},
 * {@code NOT} and parentheses.
 *
 * <p>Evaluating resolves {@code #names} through ExpressionAttributeNames and {@code :values}
 * through ExpressionAttributeValues and compares as DynamoDB does: numbers by value, strings by
 * their characters, binaries by their bytes; values of different types or a missing attribute
 * never satisfy a comparison.
 */
public final class ConditionExpression {

  /** Reports an expression DynamoDB would refuse; the message is DynamoDB's. */
  public static final class Unreadable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unreadable(String message) {
      super(message);
    }
  }

  /** An operand: a document path, a :value placeholder or {@code size(path)}. */
  public sealed interface Operand permits Path, Value, Size {}

  /** A document path: names (as written, #placeholders included) and [n] list indexes. */
  public record Path(List<String> elements) implements Operand {}

  public record Value(String placeholder) implements Operand {}

  public record Size(Path path) implements Operand {}

  /** A node of the expression tree. */
  public sealed interface Node permits Comparison, Between, In, Call, And, Or, Not {}

  public record Comparison(Operand left, String comparator, Operand right) implements Node {}

  public record Between(Operand subject, Operand low, Operand high) implements Node {}

  public record In(Operand subject, List<Operand> candidates) implements Node {}

  /** A function that is a condition: attribute_exists, begins_with, contains, ... */
  public record Call(String function, List<Operand> arguments) implements Node {}

  public record And(Node left, Node right) implements Node {}

  public record Or(Node left, Node right) implements Node {}

  public record Not(Node operand) implements Node {}

  private final String text;
  private final Node root;
  private final Map<String, String> names;
  private final Map<String, AttributeValue> values;

  private ConditionExpression(
      String text, Node root, Map<String, String> names, Map<String, AttributeValue> values) {
    this.text = text;
    this.root = root;
    this.names = names;
    this.values = values;
  }

  /**
   * Reads {@code text}, to be resolved with the request's ExpressionAttributeNames and
   * ExpressionAttributeValues (either may be empty).
   *
   * @throws Unreadable with DynamoDB's message if DynamoDB would refuse the text
   */
  public static ConditionExpression read(
      String text, Map<String, String> names, Map<String, AttributeValue> values) {
    if (text == null || text.isBlank()) {
      throw new Unreadable("The expression can not be empty;");
    }
    return new ConditionExpression(text, ExpressionParser.condition(text, names, values),
        Map.copyOf(names), Map.copyOf(values));
  }

  /** Throws DynamoDB's error for the first placeholder that is used but not defined. */
  public static void checkDefined(
      Set<String> used, Map<String, String> names, Map<String, AttributeValue> values) {
    for (String placeholder : used) {
      if (placeholder.startsWith("#") && !names.containsKey(placeholder)) {
        throw new Unreadable(
            "An expression attribute name used in the document path is not defined; attribute"
                + " name: "
                + placeholder);
      }
      if (placeholder.startsWith(":") && !values.containsKey(placeholder)) {
        throw new Unreadable(
            "An expression attribute value used in expression is not defined; attribute value: "
                + placeholder);
      }
    }
  }

  /** Returns the expression's text as sent. */
  public String text() {
    return text;
  }

  /** Returns the root of the expression tree. */
  public Node root() {
    return root;
  }

  /** Returns whether an item with these attributes satisfies the expression. */
  public boolean matches(Map<String, AttributeValue> item) {
    return evaluate(root, item);
  }

  /** Returns the top-level attribute names the expression refers to, placeholders resolved. */
  public Set<String> attributeNames() {
    Set<String> found = new LinkedHashSet<>();
    for (Operand operand : operands(root)) {
      Path path = operand instanceof Size size ? size.path() : null;
      path = operand instanceof Path direct ? direct : path;
      if (path != null) {
        found.add(resolveName(path.elements().get(0)));
      }
    }
    return found;
  }

  /** Returns the attribute names of a path written as is, without a #placeholder. */
  public Set<String> bareAttributeNames() {
    Set<String> found = new LinkedHashSet<>();
    for (String placeholder : elements(root)) {
      if (!placeholder.startsWith("#") && !placeholder.startsWith(":")
          && !placeholder.startsWith("[")) {
        found.add(placeholder);
      }
    }
    return found;
  }

  /** Returns the #name and :value placeholders the expression uses. */
  public Set<String> placeholders() {
    Set<String> found = new LinkedHashSet<>();
    for (String element : elements(root)) {
      if (element.startsWith("#") || element.startsWith(":")) {
        found.add(element);
      }
    }
    return found;
  }

  /** Returns the values of the :placeholders the expression uses, in order of appearance. */
  public List<AttributeValue> valuesUsed() {
    List<AttributeValue> used = new ArrayList<>();
    for (Operand operand : operands(root)) {
      if (operand instanceof Value value) {
        used.add(values.get(value.placeholder()));
      }
    }
    return used;
  }

  /** Returns the resolved top-level name a path operand refers to, or null for other operands. */
  public String attributeOf(Operand operand) {
    return operand instanceof Path path ? resolveName(path.elements().get(0)) : null;
  }

  /** Returns the value a :value operand stands for (null if undefined). */
  AttributeValue valueOf(Value value) {
    return values.get(value.placeholder());
  }

  private String resolveName(String name) {
    return name.startsWith("#") ? names.get(name) : name;
  }

  private boolean evaluate(Node node, Map<String, AttributeValue> item) {
    if (node instanceof Comparison c) {
      return compare(resolve(c.left(), item), c.comparator(), resolve(c.right(), item));
    }
    if (node instanceof Between b) {
      AttributeValue subject = resolve(b.subject(), item);
      return compare(subject, ">=", resolve(b.low(), item))
          && compare(subject, "<=", resolve(b.high(), item));
    }
    if (node instanceof In in) {
      AttributeValue subject = resolve(in.subject(), item);
      return in.candidates().stream().anyMatch(c -> compare(subject, "=", resolve(c, item)));
    }
    if (node instanceof Call call) {
      return call(call, item);
    }
    if (node instanceof And and) {
      return evaluate(and.left(), item) && evaluate(and.right(), item);
    }
    if (node instanceof Or or) {
      return evaluate(or.left(), item) || evaluate(or.right(), item);
    }
    return !evaluate(((Not) node).operand(), item);
  }

  private boolean call(Call call, Map<String, AttributeValue> item) {
    AttributeValue subject = resolve(call.arguments().get(0), item);
    AttributeValue argument =
        call.arguments().size() > 1 ? resolve(call.arguments().get(1), item) : null;
    return switch (call.function()) {
      case "attribute_exists" -> subject != null;
      case "attribute_not_exists" -> subject == null;
      case "attribute_type" ->
          subject != null && argument != null && typeOf(subject).equals(argument.s());
      case "begins_with" -> beginsWith(subject, argument);
      default -> contains(subject, argument);
    };
  }

  private static boolean beginsWith(AttributeValue subject, AttributeValue prefix) {
    if (subject == null || prefix == null) {
      return false;
    }
    if (subject.s() != null && prefix.s() != null) {
      return subject.s().startsWith(prefix.s());
    }
    return subject.b() != null && prefix.b() != null && startsWith(subject.b(), prefix.b());
  }

  private static boolean contains(AttributeValue subject, AttributeValue operand) {
    if (subject == null || operand == null) {
      return false;
    }
    if (subject.s() != null) {
      return operand.s() != null && subject.s().contains(operand.s());
    }
    if (subject.hasSs()) {
      return operand.s() != null && subject.ss().contains(operand.s());
    }
    if (subject.hasNs()) {
      return operand.n() != null
          && subject.ns().stream().anyMatch(n -> compare(AttributeValue.fromN(n), "=", operand));
    }
    if (subject.hasL()) {
      return subject.l().stream().anyMatch(element -> compare(element, "=", operand));
    }
    return false;
  }

  private static boolean startsWith(SdkBytes bytes, SdkBytes prefix) {
    byte[] all = bytes.asByteArray();
    byte[] start = prefix.asByteArray();
    return all.length >= start.length
        && java.util.Arrays.equals(all, 0, start.length, start, 0, start.length);
  }

  private AttributeValue resolve(Operand operand, Map<String, AttributeValue> item) {
    if (operand instanceof Value value) {
      return values.get(value.placeholder());
    }
    return operand instanceof Path path ? walk(path, item) : sizeOf(walk(((Size) operand).path(), item));
  }

  private AttributeValue walk(Path path, Map<String, AttributeValue> item) {
    AttributeValue current = item.get(resolveName(path.elements().get(0)));
    for (String element : path.elements().subList(1, path.elements().size())) {
      if (current == null) {
        return null;
      }
      if (element.startsWith("[")) {
        int index = Integer.parseInt(element.substring(1, element.length() - 1));
        current = current.hasL() && index < current.l().size() ? current.l().get(index) : null;
      } else {
        current = current.hasM() ? current.m().get(resolveName(element)) : null;
      }
    }
    return current;
  }

  private static AttributeValue sizeOf(AttributeValue value) {
    if (value == null) {
      return null;
    }
    Integer size = null;
    if (value.s() != null) {
      size = value.s().codePointCount(0, value.s().length());
    } else if (value.b() != null) {
      size = value.b().asByteArray().length;
    } else if (value.hasSs() || value.hasNs() || value.hasBs()) {
      size = value.hasSs() ? value.ss().size() : value.hasNs() ? value.ns().size() : value.bs().size();
    } else if (value.hasL() || value.hasM()) {
      size = value.hasL() ? value.l().size() : value.m().size();
    }
    return size == null ? null : AttributeValue.fromN(Integer.toString(size));
  }

  /** Returns DynamoDB's name of the value's type: S, N, B, BOOL, NULL, SS, NS, BS, L or M. */
  static String typeOf(AttributeValue value) {
    if (value.type() == null) {
      return "";
    }
    // The SDK names the NULL type NUL.
    return value.type() == AttributeValue.Type.NUL ? "NULL" : value.type().toString();
  }

  private static boolean compare(AttributeValue left, String comparator, AttributeValue right) {
    Integer order = order(left, right);
    if (order == null) {
      return comparator.equals("<>") && left != null && right != null && !left.equals(right);
    }
    return switch (comparator) {
      case "=" -> order == 0;
      case "<>" -> order != 0;
      case "<" -> order < 0;
      case "<=" -> order <= 0;
      case ">" -> order > 0;
      default -> order >= 0;
    };
  }

  /** Returns whether {@code left} orders after {@code right}, both of one scalar type. */
  static boolean greater(AttributeValue left, AttributeValue right) {
    return compare(left, ">", right);
  }

  /** Orders two scalar values of the same type; {@code null} when they cannot be ordered. */
  private static Integer order(AttributeValue left, AttributeValue right) {
    if (left == null || right == null) {
      return null;
    }
    if (left.n() != null && right.n() != null) {
      try {
        return new BigDecimal(left.n()).compareTo(new BigDecimal(right.n()));
      } catch (NumberFormatException notANumber) {
        return null;
      }
    }
    if (left.s() != null && right.s() != null) {
      return Integer.signum(left.s().compareTo(right.s()));
    }
    if (left.b() != null && right.b() != null) {
      return Integer.signum(
          java.util.Arrays.compareUnsigned(left.b().asByteArray(), right.b().asByteArray()));
    }
    return left.equals(right) ? 0 : null;
  }

  /** Returns every node of the tree, the root first. */
  public static List<Node> nodes(Node root) {
    List<Node> found = new ArrayList<>();
    found.add(root);
    if (root instanceof And and) {
      found.addAll(nodes(and.left()));
      found.addAll(nodes(and.right()));
    } else if (root instanceof Or or) {
      found.addAll(nodes(or.left()));
      found.addAll(nodes(or.right()));
    } else if (root instanceof Not not) {
      found.addAll(nodes(not.operand()));
    }
    return found;
  }

  /** Returns the operands of every node of the tree, in order of appearance. */
  public static List<Operand> operands(Node root) {
    List<Operand> found = new ArrayList<>();
    for (Node node : nodes(root)) {
      if (node instanceof Comparison c) {
        found.addAll(List.of(c.left(), c.right()));
      } else if (node instanceof Between b) {
        found.addAll(List.of(b.subject(), b.low(), b.high()));
      } else if (node instanceof In in) {
        found.add(in.subject());
        found.addAll(in.candidates());
      } else if (node instanceof Call call) {
        found.addAll(call.arguments());
      }
    }
    return found;
  }

  /** Returns every path element and :value placeholder of the tree, in order of appearance. */
  private static List<String> elements(Node root) {
    List<String> found = new ArrayList<>();
    for (Operand operand : operands(root)) {
      if (operand instanceof Value value) {
        found.add(value.placeholder());
      } else {
        found.addAll((operand instanceof Path path ? path : ((Size) operand).path()).elements());
      }
    }
    return found;
  }
}
