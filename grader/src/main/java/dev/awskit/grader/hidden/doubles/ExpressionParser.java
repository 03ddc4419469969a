package dev.awskit.grader.hidden.doubles;

import dev.awskit.grader.hidden.doubles.ConditionExpression.Node;
import dev.awskit.grader.hidden.doubles.ConditionExpression.Path;
import dev.awskit.grader.hidden.doubles.ConditionExpression.Unreadable;
import dev.awskit.grader.hidden.doubles.expression.DynamoDbExpressionLexer;
import dev.awskit.grader.hidden.doubles.expression.DynamoDbExpressionParser;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads DynamoDB's condition, filter, key-condition and projection expressions with the ANTLR
 * grammar {@code DynamoDbExpression.g4} (in {@code src/main/antlr4}, after the DynamoDB developer
 * guide's syntax), and refuses what DynamoDB refuses with DynamoDB's own message: a syntax error
 * names the token and its neighbours ({@code Syntax error; token: "30", near: ">= 30"}), and an
 * expression that parses but breaks a rule gets the message of the first rule DynamoDB checks
 * ({@link ExpressionTree}).
 */
public final class ExpressionParser {

  private ExpressionParser() {}

  /**
   * Reads a whole condition, resolving its placeholders with the request's
   * ExpressionAttributeNames and ExpressionAttributeValues (either may be empty).
   *
   * @throws Unreadable with DynamoDB's message if DynamoDB would refuse the expression
   */
  public static Node condition(
      String text, Map<String, String> names, Map<String, AttributeValue> values) {
    return ExpressionTree.condition(parser(text).condition(), names, values);
  }

  /**
   * Reads a ProjectionExpression: paths separated by commas.
   *
   * @throws Unreadable with DynamoDB's message if DynamoDB would refuse the expression
   */
  public static List<Path> projection(String text) {
    return ExpressionTree.projection(parser(text).projection());
  }

  private static DynamoDbExpressionParser parser(String text) {
    DynamoDbExpressionLexer lexer = new DynamoDbExpressionLexer(CharStreams.fromString(text));
    lexer.removeErrorListeners();
    CommonTokenStream tokens = new CommonTokenStream(lexer);
    // Every token is read first, so that an error can quote the token after the wrong one.
    tokens.fill();
    DynamoDbExpressionParser parser = new DynamoDbExpressionParser(tokens);
    parser.removeErrorListeners();
    parser.addErrorListener(new SyntaxErrors(text, tokens));
    return parser;
  }

  /** Throws DynamoDB's syntax error at the first token the grammar cannot place. */
  private static final class SyntaxErrors extends BaseErrorListener {

    private final String text;
    private final CommonTokenStream tokens;

    SyntaxErrors(String text, CommonTokenStream tokens) {
      this.text = text;
      this.tokens = tokens;
    }

    @Override
    public void syntaxError(
        Recognizer<?, ?> recognizer,
        Object offendingSymbol,
        int line,
        int column,
        String antlrMessage,
        RecognitionException cause) {
      Token token = (Token) offendingSymbol;
      boolean end = token.getType() == Token.EOF;
      throw new Unreadable(
          "Syntax error; token: "
              + (end ? "<EOF>" : "\"" + token.getText() + "\"")
              + ", near: \""
              + near(token)
              + "\"");
    }

    /** Quotes the text from the token before the wrong one to the token after it, as written. */
    private String near(Token token) {
      int index = token.getTokenIndex();
      Token before = index > 0 ? tokens.get(index - 1) : null;
      Token after = index + 1 < tokens.size() ? tokens.get(index + 1) : null;
      int from = before != null ? before.getStartIndex() : token.getStartIndex();
      int to;
      if (token.getType() == Token.EOF) {
        to = before != null ? before.getStopIndex() + 1 : 0;
      } else if (after != null && after.getType() != Token.EOF) {
        to = after.getStopIndex() + 1;
      } else {
        to = token.getStopIndex() + 1;
      }
      return text.substring(Math.min(from, to), to);
    }
  }
}
