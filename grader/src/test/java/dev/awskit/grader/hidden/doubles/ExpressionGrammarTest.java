package dev.awskit.grader.hidden.doubles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.awskit.grader.hidden.doubles.ConditionExpression.And;
import dev.awskit.grader.hidden.doubles.ConditionExpression.Call;
import dev.awskit.grader.hidden.doubles.ConditionExpression.Comparison;
import dev.awskit.grader.hidden.doubles.ConditionExpression.Node;
import dev.awskit.grader.hidden.doubles.ConditionExpression.Not;
import dev.awskit.grader.hidden.doubles.ConditionExpression.Or;
import dev.awskit.grader.hidden.doubles.ConditionExpression.Path;
import dev.awskit.grader.hidden.doubles.ConditionExpression.Size;
import dev.awskit.grader.hidden.doubles.ConditionExpression.Unreadable;
import dev.awskit.grader.hidden.doubles.ConditionExpression.Value;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The DynamoDB expression grammar: precedence, functions, paths, operand order, and the messages
 * DynamoDB answers a refused expression with (syntax errors as the service words them, such as
 * {@code Syntax error; token: "-", near: "a-b"}, measured on DynamoDB).
 */
class ExpressionGrammarTest {

  private static final Map<String, String> NAMES = Map.of("#n", "name", "#s", "status");

  private static final Map<String, AttributeValue> VALUES =
      Map.of(
          ":one", AttributeValue.fromN("1"),
          ":two", AttributeValue.fromN("2"),
          ":a", AttributeValue.fromS("A"),
          ":S", AttributeValue.fromS("S"),
          ":bad", AttributeValue.fromS("TEXT"));

  private static Node parse(String text) {
    return ExpressionParser.condition(text, NAMES, VALUES);
  }

  @Test
  void andBindsTighterThanOr() {
    // when
    Node root = parse("a = :one OR b = :one AND c = :one");

    // then
    assertThat(root).isInstanceOf(Or.class);
    assertThat(((Or) root).right()).isInstanceOf(And.class);
  }

  @Test
  void notBindsTighterThanAnd() {
    // when
    Node root = parse("NOT a = :one AND b = :one");

    // then
    assertThat(root).isInstanceOf(And.class);
    assertThat(((And) root).left()).isInstanceOf(Not.class);
  }

  @Test
  void parenthesesOverridePrecedence() {
    // when
    Node root = parse("(a = :one OR b = :one) AND c = :one");

    // then
    assertThat(root).isInstanceOf(And.class);
    assertThat(((And) root).left()).isInstanceOf(Or.class);
  }

  @Test
  void keywordsAreReadInAnyCase() {
    // when
    Node root = parse("a BeTwEeN :one and :two oR NOT a in (:one)");

    // then
    assertThat(root).isInstanceOf(Or.class);
  }

  @Test
  void reversedOperandsKeepTheirPlaces() {
    // when
    Node root = parse(":one <= #n");

    // then
    assertThat(root)
        .isEqualTo(new Comparison(new Value(":one"), "<=", new Path(List.of("#n"))));
  }

  @Test
  void sizeIsAnOperandInsideOtherFunctionsAndComparisons() {
    // when
    Node root = parse("size(a.b[2]) > :one AND contains(tags, :a)");

    // then
    And and = (And) root;
    assertThat(((Comparison) and.left()).left())
        .isEqualTo(new Size(new Path(List.of("a", "b", "[2]"))));
    assertThat(and.right())
        .isEqualTo(new Call("contains", List.of(new Path(List.of("tags")), new Value(":a"))));
  }

  @Test
  void projectionsArePathsSeparatedByCommas() {
    // when
    List<Path> paths = ExpressionParser.projection("#n, address.city, scores[0]");

    // then
    assertThat(paths)
        .containsExactly(
            new Path(List.of("#n")),
            new Path(List.of("address", "city")),
            new Path(List.of("scores", "[0]")));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // Messages measured on DynamoDB (quoted in issues of DynamoDB clients and emulators).
        "a-b | Syntax error; token: \"-\", near: \"a-b\"",
        "() | Syntax error; token: \")\", near: \"()\"",
        "a = :one : b | Syntax error; token: \":\", near: \":one : b\"",
        "#my-name = :one | Syntax error; token: \"-\", near: \"#my-name\"",
        // The same shape of message for other wrong tokens.
        "age >= 30 | Syntax error; token: \"30\", near: \">= 30\"",
        "a = :one AND | Syntax error; token: <EOF>, near: \"AND\"",
        "(a = :one | Syntax error; token: <EOF>, near: \":one\"",
        "a[x] = :one | Syntax error; token: \"x\", near: \"[x]\"",
        "a = = :one | Syntax error; token: \"=\", near: \"= = :one\"",
        "contains() | Syntax error; token: \")\", near: \"()\"",
        "a BETWEEN :one OR :two | Syntax error; token: \"OR\", near: \":one OR :two\"",
      })
  void syntaxErrorsQuoteTheTokenAndItsNeighbours(String expression, String message) {
    assertThatThrownBy(() -> parse(expression))
        .isInstanceOf(Unreadable.class)
        .hasMessage(message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "((a = :one)) | The expression has redundant parentheses;",
        "(a) = :one | The expression has redundant parentheses;",
        "Contains(a, :a) | Invalid function name; function: Contains",
        "attribute_exists(a) = :one | The function is not allowed to be used this way in an"
            + " expression; function: attribute_exists",
        "size(a) | The function is not allowed to be used this way in an expression; function:"
            + " size",
        "contains(attribute_exists(a), :a) | The function is not allowed to be used this way in"
            + " an expression; function: attribute_exists",
        "size(a, b) > :one | Incorrect number of operands for operator or function; operator or"
            + " function: size, number of operands: 2",
        "a = a | The first operand must be distinct from the remaining operands for this operator"
            + " or function; operator: =, first operand: [a]",
        "#s = status | Attribute name is a reserved keyword; reserved keyword: status",
        "begins_with(a, :one) | Incorrect operand type for operator or function; operator or"
            + " function: begins_with, operand type: N",
        "attribute_type(a, :bad) | Invalid attribute type name found; type: TEXT, valid types:"
            + " {B,NULL,SS,BOOL,L,BS,N,NS,S,M}",
        "attribute_type(a, :one) | Incorrect operand type for operator or function; operator or"
            + " function: attribute_type, operand type: N",
        "a BETWEEN :two AND :one | The BETWEEN operator requires upper bound to be greater than"
            + " or equal to lower bound; lower bound operand: AttributeValue: {N:2}, upper bound"
            + " operand: AttributeValue: {N:1}",
        "a BETWEEN :one AND :a | The BETWEEN operator requires same data type for lower and"
            + " upper bounds; lower bound operand: AttributeValue: {N:1}, upper bound operand:"
            + " AttributeValue: {S:A}",
        // DynamoDB reports the findings in its own order, not the order of the text.
        "frobnicate(name) AND ((a = :one)) | The expression has redundant parentheses;",
        "name = :one AND frobnicate(a) | Invalid function name; function: frobnicate",
        "a = :missing AND name = :one | Attribute name is a reserved keyword; reserved keyword:"
            + " name",
        "#x BETWEEN :missing AND :one | An expression attribute name used in the document path"
            + " is not defined; attribute name: #x",
      })
  void refusesWhatParsesButBreaksARule(String expression, String message) {
    assertThatThrownBy(() -> parse(expression))
        .isInstanceOf(Unreadable.class)
        .hasMessage(message);
  }

  @Test
  void acceptsAHundredOperandsAfterInButNotMore() {
    // given
    String hundred = IntStream.range(0, 100).mapToObj(i -> ":one").collect(Collectors.joining(","));

    // when / then
    assertThat(parse("a IN (" + hundred + ")")).isNotNull();
    assertThatThrownBy(() -> parse("a IN (" + hundred + ", :two)"))
        .hasMessage("The IN operator is provided with too many operands; number of operands: 101");
  }

  @Test
  void anEmptyExpressionIsRefusedBeforeParsing() {
    assertThatThrownBy(() -> ConditionExpression.read(" ", NAMES, VALUES))
        .hasMessage("The expression can not be empty;");
  }
}
