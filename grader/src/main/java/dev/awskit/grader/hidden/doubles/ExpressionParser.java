package dev.awskit.grader.hidden.doubles;

import dev.awskit.grader.hidden.DynamoDbReservedWords;
import dev.awskit.grader.hidden.doubles.ConditionExpression.And;
import dev.awskit.grader.hidden.doubles.ConditionExpression.Between;
import dev.awskit.grader.hidden.doubles.ConditionExpression.Call;
import dev.awskit.grader.hidden.doubles.ConditionExpression.Comparison;
import dev.awskit.grader.hidden.doubles.ConditionExpression.In;
import dev.awskit.grader.hidden.doubles.ConditionExpression.Node;
import dev.awskit.grader.hidden.doubles.ConditionExpression.Not;
import dev.awskit.grader.hidden.doubles.ConditionExpression.Operand;
import dev.awskit.grader.hidden.doubles.ConditionExpression.Or;
import dev.awskit.grader.hidden.doubles.ConditionExpression.Path;
import dev.awskit.grader.hidden.doubles.ConditionExpression.Size;
import dev.awskit.grader.hidden.doubles.ConditionExpression.Unreadable;
import dev.awskit.grader.hidden.doubles.ConditionExpression.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A recursive-descent parser for DynamoDB's condition and filter expressions, after the grammar of
 * "Condition and filter expressions, operators, and functions" in the DynamoDB developer guide
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.OperatorsAndFunctions.html).
 * Keywords are read in any case, function names as written (DynamoDB's are lower case), and the
 * precedence is DynamoDB's, from the tightest: comparisons, IN, BETWEEN, functions, parentheses,
 * NOT, AND, OR.
 *
 * <pre>
 *   condition  := and ( OR and )*
 *   and        := not ( AND not )*
 *   not        := NOT not | primary
 *   primary    := '(' condition ')'
 *               | function '(' path [ ',' operand ] ')'       -- all but size
 *               | operand comparator operand
 *               | operand BETWEEN operand AND operand
 *               | operand IN '(' operand ( ',' operand )* ')'
 *   comparator := = | &lt;&gt; | &lt; | &lt;= | &gt; | &gt;=
 *   operand    := :value | size '(' path ')' | path
 *   path       := name ( '.' name | '[' digits ']' )*
 *   name       := #placeholder | identifier that is not a reserved word
 * </pre>
 */
public final class ExpressionParser {

  private static final Map<String, Integer> CONDITION_FUNCTIONS =
      Map.of(
          "attribute_exists", 1,
          "attribute_not_exists", 1,
          "attribute_type", 2,
          "begins_with", 2,
          "contains", 2);

  private static final List<String> COMPARATORS = List.of("=", "<>", "<", "<=", ">", ">=");

  /** At most this many operands follow IN, as DynamoDB allows. */
  private static final int MAX_IN_OPERANDS = 100;

  private final String text;
  private final List<String> tokens;
  private int position;

  private ExpressionParser(String text) {
    this.text = text;
    this.tokens = tokenize(text);
  }

  /** Reads a whole condition. */
  public static Node condition(String text) {
    ExpressionParser parser = new ExpressionParser(text);
    Node root = parser.or();
    parser.expectEnd();
    return root;
  }

  /** Reads a ProjectionExpression: paths separated by commas. */
  public static List<Path> projection(String text) {
    ExpressionParser parser = new ExpressionParser(text);
    List<Path> paths = new ArrayList<>();
    paths.add(parser.path());
    while (parser.symbol(",")) {
      paths.add(parser.path());
    }
    parser.expectEnd();
    return paths;
  }

  private Node or() {
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
    return keyword("NOT") ? new Not(not()) : primary();
  }

  private Node primary() {
    if (symbol("(")) {
      Node inside = or();
      expect(")");
      return inside;
    }
    String token = peek();
    if (token != null && CONDITION_FUNCTIONS.containsKey(token) && "(".equals(peek(1))) {
      return call();
    }
    Operand left = operand();
    if (keyword("BETWEEN")) {
      Operand low = operand();
      if (!keyword("AND")) {
        throw syntaxError();
      }
      return new Between(left, low, operand());
    }
    if (keyword("IN")) {
      expect("(");
      List<Operand> candidates = new ArrayList<>();
      do {
        candidates.add(operand());
      } while (symbol(","));
      expect(")");
      if (candidates.size() > MAX_IN_OPERANDS) {
        throw new Unreadable(
            "The IN operator is provided with too many operands; number of operands: "
                + candidates.size());
      }
      return new In(left, candidates);
    }
    String comparator = peek();
    if (comparator != null && COMPARATORS.contains(comparator)) {
      position++;
      return new Comparison(left, comparator, operand());
    }
    throw syntaxError();
  }

  private Node call() {
    String function = tokens.get(position);
    position += 2;
    List<Operand> arguments = new ArrayList<>();
    if (!")".equals(peek())) {
      do {
        arguments.add(operand());
      } while (symbol(","));
    }
    expect(")");
    if (arguments.size() != CONDITION_FUNCTIONS.get(function)) {
      throw new Unreadable(
          "Incorrect number of operands for operator or function; operator or function: "
              + function
              + ", number of operands: "
              + arguments.size());
    }
    if (!(arguments.get(0) instanceof Path)) {
      throw new Unreadable(
          "Operator or function requires a document path; operator or function: " + function);
    }
    if (function.equals("attribute_type") || function.equals("begins_with")) {
      if (!(arguments.get(1) instanceof Value)) {
        throw new Unreadable(
            "Incorrect operand type for operator or function; operator or function: " + function);
      }
    }
    return new Call(function, arguments);
  }

  private Operand operand() {
    String token = peek();
    if (token == null) {
      throw syntaxError();
    }
    if (token.startsWith(":") && token.length() > 1) {
      position++;
      return new Value(token);
    }
    if (token.equals("size") && "(".equals(peek(1))) {
      position += 2;
      Path path = path();
      expect(")");
      return new Size(path);
    }
    if ("(".equals(peek(1)) && isIdentifier(token)) {
      throw new Unreadable("Invalid function name; function: " + token);
    }
    return path();
  }

  private Path path() {
    List<String> elements = new ArrayList<>();
    elements.add(name());
    while (true) {
      if (symbol(".")) {
        elements.add(name());
      } else if (symbol("[")) {
        String index = peek();
        if (index == null || !index.chars().allMatch(Character::isDigit)) {
          throw syntaxError();
        }
        position++;
        expect("]");
        elements.add("[" + index + "]");
      } else {
        return new Path(elements);
      }
    }
  }

  private String name() {
    String token = peek();
    if (token != null && token.startsWith("#") && token.length() > 1) {
      position++;
      return token;
    }
    if (token == null || !isIdentifier(token) || isKeyword(token)) {
      throw syntaxError();
    }
    if (DynamoDbReservedWords.isReserved(token)) {
      throw new Unreadable("Attribute name is a reserved keyword; reserved keyword: " + token);
    }
    position++;
    return token;
  }

  private static boolean isIdentifier(String token) {
    return (Character.isLetter(token.charAt(0)) || token.charAt(0) == '_')
        && token.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_');
  }

  private static boolean isKeyword(String token) {
    return List.of("AND", "OR", "NOT", "BETWEEN", "IN").stream().anyMatch(token::equalsIgnoreCase);
  }

  private void expectEnd() {
    if (position < tokens.size()) {
      throw syntaxError();
    }
  }

  private void expect(String symbol) {
    if (!symbol(symbol)) {
      throw syntaxError();
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
    return peek(0);
  }

  private String peek(int ahead) {
    return position + ahead < tokens.size() ? tokens.get(position + ahead) : null;
  }

  /** DynamoDB's message for a token out of place, or for an expression that ends too soon. */
  private Unreadable syntaxError() {
    if (position >= tokens.size()) {
      return new Unreadable("Syntax error; token: <EOF>, near: \"" + tail() + "\"");
    }
    return new Unreadable(
        "Syntax error; token: \"" + tokens.get(position) + "\", near: \"" + tail() + "\"");
  }

  private String tail() {
    int from = Math.max(0, position - 1);
    int to = Math.min(tokens.size(), position + 2);
    return tokens.isEmpty() ? text : String.join(" ", tokens.subList(from, to));
  }

  private static List<String> tokenize(String text) {
    List<String> tokens = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '<' || c == '>') {
        String two = i + 1 < text.length() ? text.substring(i, i + 2) : "";
        int length = two.equals("<=") || two.equals(">=") || two.equals("<>") ? 2 : 1;
        tokens.add(text.substring(i, i + length));
        i += length;
      } else if (c == '#' || c == ':' || Character.isLetterOrDigit(c) || c == '_') {
        int start = i++;
        while (i < text.length() && isWordPart(text.charAt(i), c == '#' || c == ':')) {
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

  private static boolean isWordPart(char c, boolean placeholder) {
    return Character.isLetterOrDigit(c) || c == '_' || (placeholder && c == '-');
  }
}
