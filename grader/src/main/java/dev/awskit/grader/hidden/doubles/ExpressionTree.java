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
import dev.awskit.grader.hidden.doubles.expression.DynamoDbExpressionParser.AndContext;
import dev.awskit.grader.hidden.doubles.expression.DynamoDbExpressionParser.BetweenContext;
import dev.awskit.grader.hidden.doubles.expression.DynamoDbExpressionParser.CallContext;
import dev.awskit.grader.hidden.doubles.expression.DynamoDbExpressionParser.ComparisonContext;
import dev.awskit.grader.hidden.doubles.expression.DynamoDbExpressionParser.ConditionContext;
import dev.awskit.grader.hidden.doubles.expression.DynamoDbExpressionParser.ExpressionContext;
import dev.awskit.grader.hidden.doubles.expression.DynamoDbExpressionParser.FunctionContext;
import dev.awskit.grader.hidden.doubles.expression.DynamoDbExpressionParser.FunctionOperandContext;
import dev.awskit.grader.hidden.doubles.expression.DynamoDbExpressionParser.InContext;
import dev.awskit.grader.hidden.doubles.expression.DynamoDbExpressionParser.NameContext;
import dev.awskit.grader.hidden.doubles.expression.DynamoDbExpressionParser.NotContext;
import dev.awskit.grader.hidden.doubles.expression.DynamoDbExpressionParser.OperandContext;
import dev.awskit.grader.hidden.doubles.expression.DynamoDbExpressionParser.OrContext;
import dev.awskit.grader.hidden.doubles.expression.DynamoDbExpressionParser.ParenthesizedContext;
import dev.awskit.grader.hidden.doubles.expression.DynamoDbExpressionParser.ParenthesizedOperandContext;
import dev.awskit.grader.hidden.doubles.expression.DynamoDbExpressionParser.PathContext;
import dev.awskit.grader.hidden.doubles.expression.DynamoDbExpressionParser.PathOperandContext;
import dev.awskit.grader.hidden.doubles.expression.DynamoDbExpressionParser.ProjectionContext;
import dev.awskit.grader.hidden.doubles.expression.DynamoDbExpressionParser.ValueContext;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Turns a parse tree of {@code DynamoDbExpression.g4} into a {@link ConditionExpression} tree and
 * checks it as DynamoDB does once an expression has parsed. DynamoDB looks at the whole
 * expression and then answers with one finding, the first of this order (as dynalite, which was
 * written against the service's answers, reports them): redundant parentheses, an unknown
 * function, a function where it may not stand, a reserved word, and then, as met, an undefined
 * placeholder, a wrong number of operands, an operand compared with itself, a wrong operand type.
 */
final class ExpressionTree {

  /** The functions DynamoDB knows, with their number of operands. */
  private static final Map<String, Integer> FUNCTIONS =
      Map.of(
          "attribute_exists", 1,
          "attribute_not_exists", 1,
          "attribute_type", 2,
          "begins_with", 2,
          "contains", 2,
          "size", 1);

  private static final Set<String> TYPES =
      Set.of("S", "SS", "N", "NS", "B", "BS", "BOOL", "NULL", "L", "M");

  /** At most this many operands follow IN, as DynamoDB allows. */
  private static final int MAX_IN_OPERANDS = 100;

  /** The kinds of finding, in the order DynamoDB reports the first one found. */
  private enum Kind { PARENTHESES, UNKNOWN_FUNCTION, MISUSED_FUNCTION, RESERVED_WORD, CONDITION }

  private final Map<String, String> names;
  /** Whether the request's names are known here; a projection's are checked by the caller. */
  private final boolean namesKnown;
  private final Map<String, AttributeValue> values;
  private final Map<Kind, String> findings = new EnumMap<>(Kind.class);

  private ExpressionTree(
      Map<String, String> names, boolean namesKnown, Map<String, AttributeValue> values) {
    this.names = names;
    this.namesKnown = namesKnown;
    this.values = values;
  }

  /** Returns the condition's tree, or throws DynamoDB's first finding. */
  static Node condition(
      ConditionContext parsed, Map<String, String> names, Map<String, AttributeValue> values) {
    ExpressionTree tree = new ExpressionTree(names, true, values);
    Node root = tree.node(parsed.expression());
    tree.throwFirstFinding();
    return root;
  }

  /** Returns the projection's paths, or throws DynamoDB's first finding. */
  static List<Path> projection(ProjectionContext parsed) {
    ExpressionTree tree = new ExpressionTree(Map.of(), false, Map.of());
    List<Path> paths = parsed.path().stream().map(tree::path).toList();
    tree.throwFirstFinding();
    return paths;
  }

  private void throwFirstFinding() {
    if (!findings.isEmpty()) {
      throw new Unreadable(findings.values().iterator().next());
    }
  }

  private void find(Kind kind, String message) {
    findings.putIfAbsent(kind, message);
  }

  private Node node(ExpressionContext context) {
    if (context instanceof ComparisonContext comparison) {
      Operand left = usable(comparison.left);
      Operand right = usable(comparison.right);
      String comparator = comparison.comparator().getText();
      checkDistinct(comparator, left, right);
      return new Comparison(left, comparator, right);
    }
    if (context instanceof InContext in) {
      List<Operand> all = in.operand().stream().map(this::usable).toList();
      if (all.size() - 1 > MAX_IN_OPERANDS) {
        find(Kind.CONDITION, "The IN operator is provided with too many operands; number of"
            + " operands: " + (all.size() - 1));
      }
      return new In(all.get(0), all.subList(1, all.size()));
    }
    if (context instanceof BetweenContext between) {
      Operand subject = usable(between.subject);
      Operand low = usable(between.low);
      Operand high = usable(between.high);
      checkBounds(low, high);
      return new Between(subject, low, high);
    }
    if (context instanceof CallContext call) {
      Call function = function(call.function());
      if (function.function().equals("size")) {
        misused("size");
      }
      return function;
    }
    if (context instanceof ParenthesizedContext parenthesized) {
      if (parenthesized.expression() instanceof ParenthesizedContext) {
        find(Kind.PARENTHESES, "The expression has redundant parentheses;");
      }
      return node(parenthesized.expression());
    }
    if (context instanceof NotContext not) {
      return new Not(node(not.expression()));
    }
    if (context instanceof AndContext and) {
      return new And(node(and.expression(0)), node(and.expression(1)));
    }
    OrContext or = (OrContext) context;
    return new Or(node(or.expression(0)), node(or.expression(1)));
  }

  /** Reads an operand of a comparison, IN, BETWEEN or function: no function but size there. */
  private Operand usable(OperandContext context) {
    if (context instanceof ValueContext value) {
      String placeholder = value.VALUE().getText();
      if (!values.containsKey(placeholder)) {
        find(Kind.CONDITION, "An expression attribute value used in expression is not defined;"
            + " attribute value: " + placeholder);
      }
      return new Value(placeholder);
    }
    if (context instanceof PathOperandContext path) {
      return path(path.path());
    }
    if (context instanceof ParenthesizedOperandContext parenthesized) {
      find(Kind.PARENTHESES, "The expression has redundant parentheses;");
      return usable(parenthesized.operand());
    }
    Call function = function(((FunctionOperandContext) context).function());
    if (!function.function().equals("size")) {
      misused(function.function());
    }
    // A path that is not one stands in for size's operand until the finding above is thrown.
    Operand subject = function.arguments().get(0);
    return new Size(subject instanceof Path path ? path : new Path(List.of(function.function())));
  }

  private Call function(FunctionContext context) {
    String name = context.IDENTIFIER().getText();
    List<Operand> arguments = new ArrayList<>();
    for (OperandContext operand : context.operand()) {
      arguments.add(usable(operand));
    }
    Integer expected = FUNCTIONS.get(name);
    if (expected == null) {
      find(Kind.UNKNOWN_FUNCTION, "Invalid function name; function: " + name);
    } else if (arguments.size() != expected) {
      find(Kind.CONDITION, "Incorrect number of operands for operator or function; operator or"
          + " function: " + name + ", number of operands: " + arguments.size());
    } else {
      if (arguments.size() == 2) {
        checkDistinct(name, arguments.get(0), arguments.get(1));
      }
      checkOperandTypes(name, arguments);
    }
    return new Call(name, List.copyOf(arguments));
  }

  /**
   * Checks a known function's operands: a document path first, then the type of each value
   * operand, as the function list of the developer guide asks.
   */
  private void checkOperandTypes(String function, List<Operand> arguments) {
    if (!(arguments.get(0) instanceof Path)) {
      find(Kind.CONDITION, "Operator or function requires a document path; operator or"
          + " function: " + function);
      return;
    }
    String type = arguments.size() > 1 ? typeOf(arguments.get(1)) : null;
    if (function.equals("begins_with") && type != null && !type.equals("S")
        && !type.equals("B")) {
      wrongType(function, type);
    }
    if (function.equals("attribute_type")) {
      AttributeValue name =
          arguments.get(1) instanceof Value value ? values.get(value.placeholder()) : null;
      if (!"S".equals(type)) {
        wrongType(function, type == null ? "{NS,SS,L,BS,N,M,B,BOOL,NULL,S}" : type);
      } else if (!TYPES.contains(name.s())) {
        find(Kind.CONDITION, "Invalid attribute type name found; type: " + name.s()
            + ", valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}");
      }
    }
  }

  private void wrongType(String function, String type) {
    find(Kind.CONDITION, "Incorrect operand type for operator or function; operator or function: "
        + function + ", operand type: " + type);
  }

  private void misused(String function) {
    find(Kind.MISUSED_FUNCTION,
        "The function is not allowed to be used this way in an expression; function: "
            + function);
  }

  /** Refuses {@code a = a}: DynamoDB asks that the first operand differ from the other. */
  private void checkDistinct(String operator, Operand first, Operand second) {
    if (first instanceof Path left && second instanceof Path right
        && resolved(left).equals(resolved(right))) {
      find(Kind.CONDITION, "The first operand must be distinct from the remaining operands for"
          + " this operator or function; operator: " + operator + ", first operand: "
          + resolved(left));
    }
  }

  /** Refuses BETWEEN bounds of two types, or a lower bound above the upper one. */
  private void checkBounds(Operand low, Operand high) {
    String lowType = typeOf(low);
    String highType = typeOf(high);
    if (!(low instanceof Value lower) || !(high instanceof Value upper) || lowType == null
        || highType == null) {
      return;
    }
    AttributeValue from = values.get(lower.placeholder());
    AttributeValue to = values.get(upper.placeholder());
    String bounds = "lower bound operand: AttributeValue: {" + lowType + ":" + scalar(from)
        + "}, upper bound operand: AttributeValue: {" + highType + ":" + scalar(to) + "}";
    if (!lowType.equals(highType)) {
      find(Kind.CONDITION, "The BETWEEN operator requires same data type for lower and upper"
          + " bounds; " + bounds);
    } else if (ConditionExpression.greater(from, to)) {
      find(Kind.CONDITION, "The BETWEEN operator requires upper bound to be greater than or"
          + " equal to lower bound; " + bounds);
    }
  }

  private static String scalar(AttributeValue value) {
    return value.s() != null ? value.s() : value.n() != null ? value.n() : String.valueOf(value);
  }

  /** The type of a value operand (N for size), or null where it is only known per item. */
  private String typeOf(Operand operand) {
    if (operand instanceof Size) {
      return "N";
    }
    AttributeValue value =
        operand instanceof Value placeholder ? values.get(placeholder.placeholder()) : null;
    return value == null ? null : ConditionExpression.typeOf(value);
  }

  /** The path's names with placeholders resolved, as DynamoDB quotes a path: [a, b, [0]]. */
  private List<String> resolved(Path path) {
    return path.elements().stream().map(e -> names.getOrDefault(e, e)).toList();
  }

  private Path path(PathContext context) {
    List<String> elements = new ArrayList<>();
    for (ParseTree child : context.children) {
      if (child instanceof NameContext name) {
        elements.add(name(name));
      } else if (child instanceof TerminalNode terminal && terminal.getText().matches("\\d+")) {
        elements.add("[" + terminal.getText() + "]");
      }
    }
    return new Path(List.copyOf(elements));
  }

  private String name(NameContext context) {
    String name = context.getText();
    if (namesKnown && context.NAME() != null && !names.containsKey(name)) {
      find(Kind.CONDITION, "An expression attribute name used in the document path is not"
          + " defined; attribute name: " + name);
    }
    if (context.IDENTIFIER() != null && DynamoDbReservedWords.isReserved(name)) {
      find(Kind.RESERVED_WORD, "Attribute name is a reserved keyword; reserved keyword: " + name);
    }
    return name;
  }
}
