package dev.awskit.exercises.q06;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.awskit.exercises.Implementations;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

class DynamoDbManagerTest {

  private static final Map<String, AttributeValue> ALICE =
      Map.of("user_id", AttributeValue.fromS("u-1"), "name", AttributeValue.fromS("Alice"));

  private final DynamoDbClient dynamoDb = mock(DynamoDbClient.class);

  @BeforeEach
  @SuppressWarnings("unchecked")
  void letConsumerOverloadsReachTheRequestOverloads() {
    // Every Consumer<Builder> overload is a default method that builds the request and calls the
    // request overload; calling the real method lets either style reach the stubs below.
    when(dynamoDb.putItem(any(Consumer.class))).thenCallRealMethod();
    when(dynamoDb.getItem(any(Consumer.class))).thenCallRealMethod();
    when(dynamoDb.scan(any(Consumer.class))).thenCallRealMethod();
    // The paginators are default methods too: the real ones call scan(ScanRequest) page by page.
    when(dynamoDb.scanPaginator(any(Consumer.class))).thenCallRealMethod();
    when(dynamoDb.scanPaginator(any(ScanRequest.class))).thenCallRealMethod();
  }

  @Test
  void putsTheItemIntoTheTable() {
    // given
    when(dynamoDb.putItem(any(PutItemRequest.class))).thenReturn(PutItemResponse.builder().build());
    ItemStore store = Implementations.create(ItemStore.class, dynamoDb, "Users");

    // when
    boolean stored = store.put(ALICE);

    // then
    ArgumentCaptor<PutItemRequest> sent = ArgumentCaptor.forClass(PutItemRequest.class);
    verify(dynamoDb).putItem(sent.capture());
    assertThat(sent.getValue().tableName()).isEqualTo("Users");
    assertThat(sent.getValue().item()).isEqualTo(ALICE);
    assertThat(stored).isTrue();
  }

  @Test
  void getsAnItemByItsKey() {
    // given
    Map<String, AttributeValue> key = Map.of("user_id", AttributeValue.fromS("u-1"));
    when(dynamoDb.getItem(any(GetItemRequest.class)))
        .thenReturn(GetItemResponse.builder().item(ALICE).build());
    ItemStore store = Implementations.create(ItemStore.class, dynamoDb, "Users");

    // when
    Optional<Map<String, AttributeValue>> found = store.get(key);

    // then
    ArgumentCaptor<GetItemRequest> sent = ArgumentCaptor.forClass(GetItemRequest.class);
    verify(dynamoDb).getItem(sent.capture());
    assertThat(sent.getValue().tableName()).isEqualTo("Users");
    assertThat(sent.getValue().key()).isEqualTo(key);
    assertThat(found).contains(ALICE);
  }

  @Test
  void scansASmallTableInOnePage() {
    // given: a table whose items fit in one page (the response has no LastEvaluatedKey)
    Map<String, AttributeValue> bob =
        Map.of("user_id", AttributeValue.fromS("u-2"), "name", AttributeValue.fromS("Bob"));
    when(dynamoDb.scan(any(ScanRequest.class)))
        .thenReturn(ScanResponse.builder().items(List.of(ALICE, bob)).count(2).build());
    ItemStore store = Implementations.create(ItemStore.class, dynamoDb, "Users");

    // when
    List<Map<String, AttributeValue>> items = store.scanAll();

    // then
    ArgumentCaptor<ScanRequest> sent = ArgumentCaptor.forClass(ScanRequest.class);
    verify(dynamoDb).scan(sent.capture());
    assertThat(sent.getValue().tableName()).isEqualTo("Users");
    assertThat(items).containsExactly(ALICE, bob);
  }
}
