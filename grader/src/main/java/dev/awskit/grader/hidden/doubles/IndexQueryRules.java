package dev.awskit.grader.hidden.doubles;

import static dev.awskit.grader.hidden.ServiceErrors.dynamoDbValidation;

import dev.awskit.grader.hidden.doubles.ConditionExpression.And;
import dev.awskit.grader.hidden.doubles.ConditionExpression.Between;
import dev.awskit.grader.hidden.doubles.ConditionExpression.Call;
import dev.awskit.grader.hidden.doubles.ConditionExpression.Comparison;
import dev.awskit.grader.hidden.doubles.ConditionExpression.Node;
import dev.awskit.grader.hidden.doubles.ConditionExpression.Operand;
import dev.awskit.grader.hidden.doubles.ConditionExpression.Path;
import dev.awskit.grader.hidden.doubles.ConditionExpression.Unreadable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Checks a {@code Query} on the question's table as DynamoDB does before it reads anything, and
 * throws the {@code ValidationException} DynamoDB answers with (its messages as measured on the
 * service): the expressions' grammar and reserved words, placeholders defined and all used, the
 * index named, {@code ConsistentRead} refused on a global secondary index, a key condition that
 * is one equality on the partition key of what is queried, and a filter without key attributes.
 *
 * <p>The table's key is {@code user_id} (a string); its global secondary index
 * {@value dev.awskit.exercises.q07.UserQuery#INDEX_NAME} is keyed by {@code status} (a string).
 */
public final class IndexQueryRules {

  public static final String TABLE_KEY = "user_id";
  public static final String INDEX_KEY = "status";

  private IndexQueryRules() {}

  /** Returns the request's key condition, read, or throws what DynamoDB would throw. */
  public static ConditionExpression check(QueryRequest request) {
    if (request.limit() != null && request.limit() < 1) {
      // Source: "Limit" (minimum value of 1) in
      // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Query.html
      throw dynamoDbValidation("1 validation error detected: Value '" + request.limit()
          + "' at 'limit' failed to satisfy constraint: Member must have value greater than or"
          + " equal to 1");
    }
    if (request.keyConditionExpression() == null) {
      throw dynamoDbValidation(
          "Either the KeyConditions or KeyConditionExpression parameter must be specified in the"
              + " request.");
    }
    if (request.hasExpressionAttributeValues() && request.expressionAttributeValues().isEmpty()) {
      throw dynamoDbValidation("ExpressionAttributeValues must not be empty");
    }
    if (request.hasExpressionAttributeNames() && request.expressionAttributeNames().isEmpty()) {
      throw dynamoDbValidation("ExpressionAttributeNames must not be empty");
    }
    ConditionExpression key = read("KeyConditionExpression", request.keyConditionExpression(),
        request);
    ConditionExpression filter = request.filterExpression() == null
        ? null : read("FilterExpression", request.filterExpression(), request);
    Set<String> used = new LinkedHashSet<>(key.placeholders());
    if (filter != null) {
      used.addAll(filter.placeholders());
    }
    used.addAll(projectionPlaceholders(request));
    unused("ExpressionAttributeNames", request.expressionAttributeNames().keySet(), used);
    unused("ExpressionAttributeValues", request.expressionAttributeValues().keySet(), used);

    String index = request.indexName();
    if (index != null && !index.equals(dev.awskit.exercises.q07.UserQuery.INDEX_NAME)) {
      throw dynamoDbValidation("The table does not have the specified index: " + index);
    }
    if (index != null && Boolean.TRUE.equals(request.consistentRead())) {
      throw dynamoDbValidation("Consistent reads are not supported on global secondary indexes");
    }
    String partitionKey = index == null ? TABLE_KEY : INDEX_KEY;
    checkKeyCondition(key, partitionKey);
    if (filter != null && filter.attributeNames().contains(partitionKey)) {
      throw dynamoDbValidation(
          "Filter Expression can only contain non-primary key attributes: Primary key attribute: "
              + partitionKey);
    }
    return key;
  }

  /** A key condition is {@code key = :value} (either order), a string, and nothing else. */
  private static void checkKeyCondition(ConditionExpression key, String partitionKey) {
    List<Node> conditions = new ArrayList<>();
    flattenAnd(key.root(), conditions);
    boolean hasKey = false;
    for (Node condition : conditions) {
      String operator = operatorOf(condition);
      if (operator == null) {
        throw dynamoDbValidation(
            "Invalid KeyConditionExpression: Invalid operator used in KeyConditionExpression: "
                + describe(condition));
      }
      List<String> attributes = new ArrayList<>();
      for (Operand operand : ConditionExpression.operands(condition)) {
        if (operand instanceof Path path && path.elements().size() > 1) {
          throw dynamoDbValidation(
              "Invalid KeyConditionExpression: Key condition expression does not support nested"
                  + " attributes");
        }
        if (key.attributeOf(operand) != null) {
          attributes.add(key.attributeOf(operand));
        }
      }
      if (attributes.size() != 1) {
        throw dynamoDbValidation(
            "Invalid KeyConditionExpression: The expression must compare one key attribute with"
                + " values; it refers to " + attributes);
      }
      String attribute = attributes.get(0);
      if (!attribute.equals(partitionKey) || !operator.equals("=") || hasKey) {
        throw attribute.equals(partitionKey) && hasKey
            ? dynamoDbValidation("KeyConditionExpressions must only contain one condition per key")
            : dynamoDbValidation(hasKeyAnywhere(key, partitionKey)
                ? "Query key condition not supported"
                : "Query condition missed key schema element: " + partitionKey);
      }
      hasKey = true;
    }
    for (AttributeValue value : key.valuesUsed()) {
      if (value.s() == null) {
        throw dynamoDbValidation(
            "One or more parameter values were invalid: Condition parameter type does not match"
                + " schema type");
      }
    }
  }

  private static boolean hasKeyAnywhere(ConditionExpression key, String partitionKey) {
    return key.attributeNames().contains(partitionKey);
  }

  private static void flattenAnd(Node node, List<Node> into) {
    if (node instanceof And and) {
      flattenAnd(and.left(), into);
      flattenAnd(and.right(), into);
    } else {
      into.add(node);
    }
  }

  /** The operator of a condition a key condition may hold, or null. */
  private static String operatorOf(Node condition) {
    if (condition instanceof Comparison comparison && !comparison.comparator().equals("<>")) {
      return comparison.comparator();
    }
    if (condition instanceof Between) {
      return "BETWEEN";
    }
    if (condition instanceof Call call && call.function().equals("begins_with")) {
      return "begins_with";
    }
    return null;
  }

  private static String describe(Node condition) {
    if (condition instanceof Comparison comparison) {
      return comparison.comparator();
    }
    if (condition instanceof Call call) {
      return call.function();
    }
    return condition.getClass().getSimpleName().toUpperCase(java.util.Locale.ROOT);
  }

  private static Set<String> projectionPlaceholders(QueryRequest request) {
    Set<String> found = new LinkedHashSet<>();
    if (request.projectionExpression() != null) {
      List<Path> paths;
      try {
        paths = ExpressionParser.projection(request.projectionExpression());
      } catch (Unreadable unreadable) {
        throw dynamoDbValidation("Invalid ProjectionExpression: " + unreadable.getMessage());
      }
      for (Path path : paths) {
        path.elements().stream().filter(e -> e.startsWith("#")).forEach(found::add);
      }
      try {
        ConditionExpression.checkDefined(
            found, request.expressionAttributeNames(), Map.of());
      } catch (Unreadable unreadable) {
        throw dynamoDbValidation("Invalid ProjectionExpression: " + unreadable.getMessage());
      }
    }
    return found;
  }

  private static void unused(String parameter, Set<String> defined, Set<String> used) {
    Set<String> unused = new TreeSet<>(defined);
    unused.removeAll(used);
    if (!unused.isEmpty()) {
      throw dynamoDbValidation(
          "Value provided in " + parameter + " unused in expressions: keys: {"
              + String.join(", ", unused) + "}");
    }
  }

  private static ConditionExpression read(String which, String text, QueryRequest request) {
    try {
      return ConditionExpression.read(
          text, request.expressionAttributeNames(), request.expressionAttributeValues());
    } catch (Unreadable unreadable) {
      throw dynamoDbValidation("Invalid " + which + ": " + unreadable.getMessage());
    }
  }
}
