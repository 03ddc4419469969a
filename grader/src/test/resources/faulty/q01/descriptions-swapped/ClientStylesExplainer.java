// Faulty: puts the description of a service client under "resource" and the other way round.
package dev.awskit.solutions.q01;

import dev.awskit.exercises.q01.ClientStyles;
import java.util.Map;

public class ClientStylesExplainer implements ClientStyles {

  /** Creates the explainer; it needs no AWS client. */
  public ClientStylesExplainer() {}

  @Override
  public Map<String, String> explain() {
    return Map.of(
        RESOURCE,
        "A service client such as S3Client or DynamoDbClient is the low-level interface: it has"
            + " one method per API operation of the service, takes a request object built with a"
            + " builder and returns the matching response object. Use it when you need an"
            + " operation exactly as the service defines it.",
        CLIENT,
        "The high-level libraries, the SDK v2 counterpart of boto3's resources, are an"
            + " object-oriented layer over the clients: the DynamoDB Enhanced Client maps items to"
            + " your own Java classes through a table schema, and the S3 Transfer Manager uploads"
            + " and downloads whole files and folders. Use them for the common tasks they cover.",
        CLIENT_ADVANTAGE,
        "Complete coverage and full control: every operation and every parameter of every"
            + " service is available, including new features as soon as the service ships them.",
        RESOURCE_ADVANTAGE,
        "Less code and fewer mistakes: items become type-safe Java objects and the library"
            + " handles the details itself, such as attribute conversion, multipart transfers and"
            + " pagination.");
  }
}
