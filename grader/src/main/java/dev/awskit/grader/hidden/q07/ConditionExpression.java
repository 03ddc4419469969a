package dev.awskit.grader.hidden.q07;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads the part of DynamoDB's condition-expression language that a key condition and a filter
 * on simple attributes need, so that the hidden tests can grade what an expression <em>means</em>
 * rather than how it is spelled.
 *
 * <p>Grammar (keywords in any case; precedence as DynamoDB's: comparisons, then NOT, AND, OR):
 *
 * <pre>
 *   condition  := or
 *   or         := and ( OR and )*
 *   and        := not ( AND not )*
 *   not        := NOT not | primary
 *   primary    := '(' condition ')'
 *               | operand comparator operand
 *               | operand BETWEEN operand AND operand
 *   comparator := = | &lt;&gt; | &lt; | &lt;= | &gt; | &gt;=
 *   operand    := #placeholder | :placeholder | attribute-name
 * </pre>
 *
 * <p>Functions ({@code begins_with}, {@code attribute_exists}, ...), {@code IN}, and nested paths
 * are not read; an expression that uses them is reported as unreadable with a message that says
 * so. Evaluating an expression resolves {@code #names} through ExpressionAttributeNames and
 * {@code :values} through ExpressionAttributeValues, and compares as DynamoDB does: numbers by
 * value, strings by their characters, values of different types or a missing attribute never
 * satisfy a comparison.
 */
final class ConditionExpression {

  /** Reports an expression the reader cannot read or resolve; the message is for the student. */
  static final class Unreadable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unreadable(String message) {
      super(message);
    }
  }

  /** An operand: an attribute name written as is, a #name placeholder or a :value placeholder. */
  record Operand(Kind kind, String text) {
    enum Kind {
      ATTRIBUTE,
      NAME_PLACEHOLDER,
      VALUE_PLACEHOLDER
    }

    boolean isValue() {
      return kind == Kind.VALUE_PLACEHOLDER;
    }
  }

  /** A node of the expression tree. */
  sealed interface Node permits Comparison, Between, And, Or, Not {}

  record Comparison(Operand left, String comparator, Operand right) implements Node {}

  record Between(Operand subject, Operand low, Operand high) implements Node {}

  record And(Node left, Node right) implements Node {}

  record Or(Node left, Node right) implements Node {}

  record Not(Node operand) implements Node {}

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
   * @throws Unreadable if the text is not in the grammar above or uses an undefined placeholder
   */
  static ConditionExpression read(
      String text, Map<String, String> names, Map<String, AttributeValue> values) {
    if (text == null || text.isBlank()) {
      throw new Unreadable("the expression is missing or blank");
    }
    Parser parser = new Parser(text);
    Node root = parser.condition();
    parser.expectEnd();
    ConditionExpression expression =
        new ConditionExpression(text, root, Map.copyOf(names), Map.copyOf(values));
    expression.checkPlaceholdersDefined(root);
    return expression;
  }

  /** Returns the expression's text as sent. */
  String text() {
    return text;
  }

  /** Returns whether an item with these attributes satisfies the expression. */
  boolean matches(Map<String, AttributeValue> item) {
    return evaluate(root, item);
  }

  /** Returns the attribute names the expression refers to, placeholders resolved. */
  Set<String> attributeNames() {
    Set<String> found = new LinkedHashSet<>();
    for (Operand operand : operands(root)) {
      if (!operand.isValue()) {
        found.add(attributeName(operand));
      }
    }
    return found;
  }

  /** Returns the attribute names written as is, without a #placeholder. */
  Set<String> bareAttributeNames() {
    Set<String> found = new LinkedHashSet<>();
    for (Operand operand : operands(root)) {
      if (operand.kind() == Operand.Kind.ATTRIBUTE) {
        found.add(operand.text());
      }
    }
    return found;
  }

  /** Returns the values of the :placeholders the expression uses, in order of appearance. */
  List<AttributeValue> valuesUsed() {
    List<AttributeValue> used = new ArrayList<>();
    for (Operand operand : operands(root)) {
      if (operand.isValue()) {
        used.add(values.get(operand.text()));
      }
    }
    return used;
  }

  private boolean evaluate(Node node, Map<String, AttributeValue> item) {
    if (node instanceof Comparison comparison) {
      return compare(
          resolve(comparison.left(), item),
          comparison.comparator(),
          resolve(comparison.right(), item));
    }
    if (node instanceof Between between) {
      AttributeValue subject = resolve(between.subject(), item);
      return compare(subject, ">=", resolve(between.low(), item))
          && compare(subject, "<=", resolve(between.high(), item));
    }
    if (node instanceof And and) {
      return evaluate(and.left(), item) && evaluate(and.right(), item);
    }
    if (node instanceof Or or) {
      return evaluate(or.left(), item) || evaluate(or.right(), item);
    }
    return !evaluate(((Not) node).operand(), item);
  }

  private AttributeValue resolve(Operand operand, Map<String, AttributeValue> item) {
    return operand.isValue() ? values.get(operand.text()) : item.get(attributeName(operand));
  }

  private String attributeName(Operand operand) {
    return operand.kind() == Operand.Kind.NAME_PLACEHOLDER
        ? names.get(operand.text())
        : operand.text();
  }

  private static boolean compare(AttributeValue left, String comparator, AttributeValue right) {
    Integer order = order(left, right);
    if (order == null) {
      return false;
    }
    return switch (comparator) {
      case "=" -> order == 0;
      case "<>" -> order != 0;
      case "<" -> order < 0;
      case "<=" -> order <= 0;
      case ">" -> order > 0;
      case ">=" -> order >= 0;
      default -> throw new IllegalStateException(comparator);
    };
  }

  /** Orders two scalar values of the same type; {@code null} when they cannot be compared. */
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
    return null;
  }

  private void checkPlaceholdersDefined(Node node) {
    for (Operand operand : operands(node)) {
      if (operand.kind() == Operand.Kind.NAME_PLACEHOLDER && !names.containsKey(operand.text())) {
        throw new Unreadable(
            operand.text()
                + " is used in \""
                + text
                + "\" but not defined in"
                + " ExpressionAttributeNames");
      }
      if (operand.isValue() && !values.containsKey(operand.text())) {
        throw new Unreadable(
            operand.text()
                + " is used in \""
                + text
                + "\" but not defined in"
                + " ExpressionAttributeValues");
      }
    }
  }

  private static List<Operand> operands(Node node) {
    List<Operand> found = new ArrayList<>();
    collect(node, found);
    return found;
  }

  private static void collect(Node node, List<Operand> found) {
    if (node instanceof Comparison comparison) {
      found.add(comparison.left());
      found.add(comparison.right());
    } else if (node instanceof Between between) {
      found.add(between.subject());
      found.add(between.low());
      found.add(between.high());
    } else if (node instanceof And and) {
      collect(and.left(), found);
      collect(and.right(), found);
    } else if (node instanceof Or or) {
      collect(or.left(), found);
      collect(or.right(), found);
    } else {
      collect(((Not) node).operand(), found);
    }
  }

  /** A recursive-descent parser over the grammar in the class comment. */
  private static final class Parser {

    private final String text;
    private final List<String> tokens;
    private int position;

    Parser(String text) {
      this.text = text;
      this.tokens = tokenize(text);
    }

    Node condition() {
      Node left = and();
      while (keyword("OR")) {
        left = new Or(left, and());
      }
      return left;
    }

    private Node and() {
      Node left = not();
      while (keyword("AND")) {
        left = new And(left, not());
      }
      return left;
    }

    private Node not() {
      if (keyword("NOT")) {
        return new Not(not());
      }
      return primary();
    }

    private Node primary() {
      if (symbol("(")) {
        Node inside = condition();
        if (!symbol(")")) {
          throw unreadable("a closing parenthesis is missing");
        }
        return inside;
      }
      Operand left = operand();
      if (keyword("BETWEEN")) {
        Operand low = operand();
        if (!keyword("AND")) {
          throw unreadable("BETWEEN needs \"AND\" between its two bounds");
        }
        return new Between(left, low, operand());
      }
      String comparator = peek();
      if (comparator != null && List.of("=", "<>", "<", "<=", ">", ">=").contains(comparator)) {
        position++;
        return new Comparison(left, comparator, operand());
      }
      throw unreadable(
          "expected a comparison (=, <>, <, <=, >, >=) or BETWEEN after "
              + left.text()
              + (comparator == null ? "" : ", found \"" + comparator + "\""));
    }

    private Operand operand() {
      String token = peek();
      if (token == null) {
        throw unreadable("the expression ends where an operand was expected");
      }
      if (token.startsWith("#") && token.length() > 1) {
        position++;
        return new Operand(Operand.Kind.NAME_PLACEHOLDER, token);
      }
      if (token.startsWith(":") && token.length() > 1) {
        position++;
        return new Operand(Operand.Kind.VALUE_PLACEHOLDER, token);
      }
      if (Character.isLetter(token.charAt(0)) || token.charAt(0) == '_') {
        if (position + 1 < tokens.size() && tokens.get(position + 1).equals("(")) {
          throw unreadable(
              "the function "
                  + token
                  + "(...) is not read by the grader; write the condition as"
                  + " a comparison such as \"#name >= :value\"");
        }
        if (List.of("AND", "OR", "NOT", "BETWEEN", "IN").contains(token.toUpperCase(Locale.ROOT))) {
          throw unreadable("the keyword " + token + " stands where an operand was expected");
        }
        position++;
        return new Operand(Operand.Kind.ATTRIBUTE, token);
      }
      throw unreadable("\"" + token + "\" stands where an operand was expected");
    }

    void expectEnd() {
      if (position < tokens.size()) {
        throw unreadable("unexpected \"" + tokens.get(position) + "\" after a complete condition");
      }
    }

    private boolean keyword(String word) {
      String token = peek();
      if (token != null && token.equalsIgnoreCase(word)) {
        position++;
        return true;
      }
      return false;
    }

    private boolean symbol(String symbol) {
      if (symbol.equals(peek())) {
        position++;
        return true;
      }
      return false;
    }

    private String peek() {
      return position < tokens.size() ? tokens.get(position) : null;
    }

    private Unreadable unreadable(String problem) {
      return new Unreadable("cannot read \"" + text + "\": " + problem);
    }

    private static List<String> tokenize(String text) {
      List<String> tokens = new ArrayList<>();
      int i = 0;
      while (i < text.length()) {
        char c = text.charAt(i);
        if (Character.isWhitespace(c)) {
          i++;
        } else if (c == '(' || c == ')' || c == ',' || c == '=') {
          tokens.add(String.valueOf(c));
          i++;
        } else if (c == '<' || c == '>') {
          String two = i + 1 < text.length() ? text.substring(i, i + 2) : "";
          if (two.equals("<=") || two.equals(">=") || two.equals("<>")) {
            tokens.add(two);
            i += 2;
          } else {
            tokens.add(String.valueOf(c));
            i++;
          }
        } else if (c == '#' || c == ':' || Character.isLetterOrDigit(c) || c == '_') {
          int start = i;
          i++;
          while (i < text.length()
              && (Character.isLetterOrDigit(text.charAt(i))
                  || text.charAt(i) == '_'
                  || text.charAt(i) == '-')) {
            i++;
          }
          tokens.add(text.substring(start, i));
        } else {
          tokens.add(String.valueOf(c));
          i++;
        }
      }
      return tokens;
    }
  }
}
