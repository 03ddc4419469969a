package dev.awskit.grader.hidden.doubles;

import static dev.awskit.grader.hidden.ServiceErrors.dynamoDbValidation;

import dev.awskit.grader.hidden.doubles.ConditionExpression.Path;
import dev.awskit.grader.hidden.doubles.ConditionExpression.Unreadable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
    KeyCondition.check(key, new KeyCondition.Key(partitionKey, "S"), null);
    if (filter != null && filter.attributeNames().contains(partitionKey)) {
      throw dynamoDbValidation(
          "Filter Expression can only contain non-primary key attributes: Primary key attribute: "
              + partitionKey);
    }
    return key;
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
