package dev.awskit.grader.hidden.doubles;

import static dev.awskit.grader.hidden.ServiceErrors.dynamoDbValidation;

import dev.awskit.grader.hidden.doubles.ConditionExpression.And;
import dev.awskit.grader.hidden.doubles.ConditionExpression.Between;
import dev.awskit.grader.hidden.doubles.ConditionExpression.Call;
import dev.awskit.grader.hidden.doubles.ConditionExpression.Comparison;
import dev.awskit.grader.hidden.doubles.ConditionExpression.In;
import dev.awskit.grader.hidden.doubles.ConditionExpression.Node;
import dev.awskit.grader.hidden.doubles.ConditionExpression.Not;
import dev.awskit.grader.hidden.doubles.ConditionExpression.Operand;
import dev.awskit.grader.hidden.doubles.ConditionExpression.Path;
import dev.awskit.grader.hidden.doubles.ConditionExpression.Size;
import dev.awskit.grader.hidden.doubles.ConditionExpression.Value;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Checks a Query's {@code KeyConditionExpression} against the key of what is queried, as
 * "Key condition expressions for the Query operation" in the developer guide
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Query.KeyConditionExpressions.html)
 * says: an equality on the partition key, and optionally, joined by AND, one condition on the
 * sort key with {@code =}, {@code <}, {@code <=}, {@code >}, {@code >=}, {@code BETWEEN} or
 * {@code begins_with}. The messages of the {@code ValidationException} are DynamoDB's, in the
 * order DynamoDB checks: the shape of each condition first, then the key schema.
 */
public final class KeyCondition {

  /**
   * A key attribute.
   *
   * @param name the attribute's name
   * @param type its scalar type: S, N or B
   */
  public record Key(String name, String type) {}

  private static final Set<String> NOT_A_KEY_FUNCTION =
      Set.of("attribute_exists", "attribute_not_exists", "attribute_type", "contains");

  private KeyCondition() {}

  /**
   * Throws DynamoDB's ValidationException unless {@code condition} fits the key: the partition
   * key {@code partition}, and the sort key {@code sort} (null where there is none).
   */
  public static void check(ConditionExpression condition, Key partition, Key sort) {
    Map<String, Node> byKey = new LinkedHashMap<>();
    collect(condition, condition.root(), byKey);
    if (byKey.size() > 2) {
      throw dynamoDbValidation("Conditions can be of length 1 or 2 only");
    }
    checkKey(condition, byKey, partition, true, sort == null);
    if (sort != null) {
      checkKey(condition, byKey, sort, false, false);
    }
  }

  /** Reads each condition joined by AND, with DynamoDB's refusal of any other shape. */
  private static void collect(ConditionExpression condition, Node node, Map<String, Node> into) {
    if (node instanceof And and) {
      collect(condition, and.left(), into);
      collect(condition, and.right(), into);
      return;
    }
    String refused = node instanceof ConditionExpression.Or ? "OR"
        : node instanceof Not ? "NOT"
        : node instanceof In ? "IN"
        : node instanceof Comparison comparison && comparison.comparator().equals("<>") ? "<>"
        : node instanceof Call call && NOT_A_KEY_FUNCTION.contains(call.function())
            ? call.function() : null;
    if (refused != null) {
      throw dynamoDbValidation("Invalid operator used in KeyConditionExpression: " + refused);
    }
    if (node instanceof Between between && !(between.subject() instanceof Path)) {
      throw dynamoDbValidation("Invalid condition in KeyConditionExpression: BETWEEN operator"
          + " must have the key attribute as its first operand");
    }
    String attribute = null;
    for (Operand operand : ConditionExpression.operands(node)) {
      if (operand instanceof Size) {
        throw dynamoDbValidation("KeyConditionExpressions cannot contain nested operations");
      }
      if (operand instanceof Path path) {
        if (attribute != null) {
          throw dynamoDbValidation("Invalid condition in KeyConditionExpression: Multiple"
              + " attribute names used in one condition");
        }
        if (path.elements().size() > 1) {
          throw dynamoDbValidation(
              "KeyConditionExpressions cannot have conditions on nested attributes");
        }
        attribute = condition.attributeOf(path);
      }
    }
    if (attribute == null) {
      throw dynamoDbValidation(
          "Invalid condition in KeyConditionExpression: No key attribute specified");
    }
    if (into.putIfAbsent(attribute, node) != null) {
      throw dynamoDbValidation("KeyConditionExpressions must only contain one condition per key");
    }
  }

  private static void checkKey(ConditionExpression condition, Map<String, Node> byKey, Key key,
      boolean partition, boolean onlyKey) {
    if (partition && onlyKey && byKey.size() > 1) {
      throw dynamoDbValidation("Query key condition not supported");
    }
    Node node = byKey.get(key.name());
    if (node == null) {
      if (partition || byKey.size() > 1) {
        throw dynamoDbValidation("Query condition missed key schema element: " + key.name());
      }
      return;
    }
    for (Operand operand : ConditionExpression.operands(node)) {
      if (operand instanceof Value value
          && !key.type().equals(ConditionExpression.typeOf(condition.valueOf(value)))) {
        throw dynamoDbValidation("One or more parameter values were invalid: Condition parameter"
            + " type does not match schema type");
      }
    }
    boolean equality = node instanceof Comparison comparison && comparison.comparator().equals("=");
    if (partition && !equality) {
      throw dynamoDbValidation("Query key condition not supported");
    }
  }
}
