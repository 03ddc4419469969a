package dev.awskit.grader.hidden.doubles;

import static dev.awskit.grader.hidden.ServiceErrors.dynamoDbValidation;

import dev.awskit.grader.hidden.ServiceErrors;
import dev.awskit.grader.hidden.doubles.ConditionExpression.Unreadable;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Checks the {@code ConditionExpression} of a PutItem or DeleteItem as DynamoDB does, for the
 * doubles of other questions: a condition that is unreadable, or leaves a name or a value unused,
 * is refused with a {@code ValidationException}; a condition the item as stored does not satisfy
 * is refused with a {@code ConditionalCheckFailedException} and nothing is written. Source:
 * "ConditionExpression" in
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_PutItem.html and
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DeleteItem.html, and
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.ConditionExpressions.html
 */
public final class WriteCondition {

  private WriteCondition() {}

  /**
   * Throws what DynamoDB throws for a write whose condition {@code expression} (null for none)
   * does not hold on {@code stored}, the item the write's key currently holds (empty if none).
   */
  public static void check(
      String expression,
      Map<String, String> names,
      Map<String, AttributeValue> values,
      Map<String, AttributeValue> stored) {
    if (expression == null) {
      if (!names.isEmpty()) {
        throw dynamoDbValidation(
            "ExpressionAttributeNames can only be specified when using expressions");
      }
      if (!values.isEmpty()) {
        throw dynamoDbValidation(
            "ExpressionAttributeValues can only be specified when using expressions");
      }
      return;
    }
    ConditionExpression condition;
    try {
      condition = ConditionExpression.read(expression, names, values);
    } catch (Unreadable unreadable) {
      throw dynamoDbValidation("Invalid ConditionExpression: " + unreadable.getMessage());
    }
    unused("ExpressionAttributeNames", names.keySet(), condition.placeholders());
    unused("ExpressionAttributeValues", values.keySet(), condition.placeholders());
    if (!condition.matches(stored)) {
      throw ServiceErrors.conditionalCheckFailed();
    }
  }

  private static void unused(String parameter, Set<String> defined, Set<String> used) {
    Set<String> unused = new TreeSet<>(defined);
    unused.removeAll(used);
    if (!unused.isEmpty()) {
      throw dynamoDbValidation("Value provided in " + parameter + " unused in expressions: keys: {"
          + String.join(", ", unused) + "}");
    }
  }
}
