package dev.awskit.grader.hidden.doubles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/** Item sizes as DynamoDB documents them, and pages cut by size, by count and by Limit. */
class PageSizeTest {

  @Test
  void measuresEachTypeAsTheDeveloperGuideSays() {
    // then: name bytes plus value bytes, per "DynamoDB item sizes and formats"
    assertThat(ItemSize.of(Map.of("user_id", AttributeValue.fromS("u-1")))).isEqualTo(7 + 3);
    assertThat(ItemSize.of(Map.of("s", AttributeValue.fromS("é")))).isEqualTo(1 + 2);
    assertThat(ItemSize.of(Map.of("age", AttributeValue.fromN("36")))).isEqualTo(3 + 2);
    assertThat(ItemSize.of(Map.of("n", AttributeValue.fromN("-12.345")))).isEqualTo(1 + 4);
    assertThat(ItemSize.of(Map.of("n", AttributeValue.fromN("1000")))).isEqualTo(1 + 2);
    assertThat(ItemSize.of(Map.of("n", AttributeValue.fromN("0")))).isEqualTo(1 + 2);
    assertThat(ItemSize.of(Map.of("b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[5])))))
        .isEqualTo(1 + 5);
    assertThat(ItemSize.of(Map.of("t", AttributeValue.fromBool(true)))).isEqualTo(1 + 1);
    assertThat(ItemSize.of(Map.of("z", AttributeValue.fromNul(true)))).isEqualTo(1 + 1);
    assertThat(ItemSize.of(Map.of("ss", AttributeValue.fromSs(List.of("ab", "c"))))).isEqualTo(2 + 3);
    assertThat(ItemSize.of(Map.of("l", AttributeValue.fromL(
        List.of(AttributeValue.fromN("1"), AttributeValue.fromS("ab"))))))
        .isEqualTo(1 + 3 + (1 + 2) + (1 + 2));
    assertThat(ItemSize.of(Map.of("m", AttributeValue.fromM(
        Map.of("a", AttributeValue.fromS("xy"))))))
        .isEqualTo(1 + 3 + 1 + (1 + 2));
  }

  @Test
  void aPageBySizeReadsTheItemThatCrossesTheLineAndStopsThere() {
    // given: items of 40 bytes, pages of 100
    List<Map<String, AttributeValue>> items = items(5, 40);

    // when
    PageSize.Page first = new PageSize.Bytes(100).read(items, 0, null);
    PageSize.Page last = new PageSize.Bytes(100).read(items, 3, null);

    // then
    assertThat(first.items()).hasSize(3);
    assertThat(first.full()).isTrue();
    assertThat(last.items()).hasSize(2);
    assertThat(last.full()).isFalse();
  }

  @Test
  void theLimitCountsAlongsideTheSize() {
    // given
    List<Map<String, AttributeValue>> items = items(5, 40);

    // when
    PageSize.Page limited = PageSize.ONE_MEGABYTE.read(items, 0, 2);
    PageSize.Page byCount = new PageSize.Items(2).read(items, 0, 5);
    PageSize.Page lastTwo = new PageSize.Items(2).read(items, 3, null);

    // then: a page that stopped at a limit is full even when nothing follows
    assertThat(limited.items()).hasSize(2);
    assertThat(limited.full()).isTrue();
    assertThat(byCount.items()).hasSize(2);
    assertThat(lastTwo.full()).isTrue();
    assertThat(PageSize.ONE_MEGABYTE.read(items, 0, null).full()).isFalse();
  }

  @Test
  void theTableDoubleScansStoredItemsPageByPage() {
    // given: five items of 40 bytes, pages of 100 bytes
    DynamoDbDouble table = new DynamoDbDouble().table().scanStoredItems(new PageSize.Bytes(100));
    DynamoDbClient client = table.client();
    items(5, 40).forEach(item -> client.putItem(b -> b.tableName("t").item(item)));

    // when
    List<List<String>> pages = client.scanPaginator(b -> b.tableName("t")).stream()
        .map(PageSizeTest::ids).toList();
    ScanResponse limited = client.scan(b -> b.tableName("t").limit(1));

    // then
    assertThat(pages).containsExactly(List.of("k0", "k1", "k2"), List.of("k3", "k4"));
    assertThat(limited.lastEvaluatedKey()).isEqualTo(Map.of("user_id", AttributeValue.fromS("k0")));
    assertThatThrownBy(() -> client.scan(b -> b.tableName("t").limit(0)))
        .isInstanceOf(DynamoDbException.class)
        .hasMessageContaining("Value '0' at 'limit' failed to satisfy constraint");
    assertThatThrownBy(() -> client.scan(b -> b.tableName("t")
            .exclusiveStartKey(Map.of("user_id", AttributeValue.fromS("nobody")))))
        .isInstanceOf(DynamoDbException.class)
        .hasMessageContaining("The provided starting key is invalid");
  }

  /** Items k0, k1, ... of {@code size} bytes each: the key (7 + 2 bytes) and a filler. */
  private static List<Map<String, AttributeValue>> items(int count, int size) {
    return java.util.stream.IntStream.range(0, count)
        .mapToObj(i -> Map.of("user_id", AttributeValue.fromS("k" + i),
            "f", AttributeValue.fromS("x".repeat(size - 10))))
        .toList();
  }

  private static List<String> ids(ScanResponse page) {
    return page.items().stream().map(item -> item.get("user_id").s()).toList();
  }
}
