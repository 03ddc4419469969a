package sample;

import java.util.function.Supplier;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.waiters.S3Waiter;

public class BuildsClients {
  private final S3Client s3 = S3Client.create(); // refused: sdk-client-built-inside

  public DynamoDbClient dynamo() {
    return DynamoDbClient.builder().region(Region.EU_WEST_1).build(); // refused: sdk-client-built-inside
  }

  public S3Presigner presigner() {
    return S3Presigner.create(); // refused: sdk-client-built-inside
  }

  public Supplier<S3Client> later() {
    return S3Client::create; // refused: sdk-client-built-inside
  }

  public S3Waiter waiter() {
    return S3Waiter.create(); // refused: sdk-client-built-inside
  }

  public S3Client client() {
    return s3;
  }
}
