package dev.awskit.grader.hidden.q06;

import static dev.awskit.grader.hidden.Thrown.describe;
import static dev.awskit.grader.hidden.Thrown.expectIllegalArgument;
import static dev.awskit.grader.hidden.ServiceErrors.dynamoDbError;
import static dev.awskit.grader.hidden.Thrown.resultOf;
import static dev.awskit.grader.hidden.Thrown.expectPropagated;
import static org.assertj.core.api.Assertions.assertThat;

import dev.awskit.exercises.q06.ItemStore;
import dev.awskit.grader.hidden.Checks;
import dev.awskit.grader.hidden.Points;
import dev.awskit.grader.hidden.QuestionTests;
import dev.awskit.grader.hidden.Submission;
import dev.awskit.grader.hidden.doubles.DynamoDbDouble;
import dev.awskit.grader.hidden.doubles.PageSize;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/** Hidden tests of question 6: put, get, delete and a complete scan of one DynamoDB table. */
@QuestionTests(6)
public class ItemStoreHiddenTest {

  private static final String TABLE = "CourseUsers";

  private final DynamoDbDouble dynamoDb = new DynamoDbDouble();

  @Test
  @Points(2)
  @Checks({"6.1", "6.2", "6.6", "6.7"})
  @DisplayName("put sends one PutItem with the table name and the item, returns true, and"
      + " replaces an item stored under the same key")
  void putStoresTheItem(Submission submission) {
    // given
    dynamoDb.table();
    ItemStore store = submission.create(ItemStore.class, dynamoDb.client(), TABLE);
    Map<String, AttributeValue> item = user("u-1", "Ada", 36);

    // when
    boolean stored = call("put(item)", () -> store.put(item));

    // then
    List<PutItemRequest> puts = dynamoDb.requests(PutItemRequest.class);
    assertThat(puts)
        .withFailMessage(
            "put(item) should send exactly one PutItem request; DynamoDB received: %s",
            dynamoDb.describeRequests())
        .hasSize(1);
    assertThat(puts.get(0).tableName())
        .as("The PutItem request should name the table given to the constructor")
        .isEqualTo(TABLE);
    assertThat(puts.get(0).item())
        .as("The PutItem request should carry the item exactly as given")
        .isEqualTo(item);
    assertThat(stored)
        .withFailMessage("put should return true once DynamoDB has stored the item, but it"
            + " returned false; DynamoDB answered: %s", refusal())
        .isTrue();

    Map<String, AttributeValue> older = user("u-1", "Ada", 37);
    boolean replaced = call("put(item) of a key already stored", () -> store.put(older));

    assertThat(replaced && dynamoDb.items().equals(List.of(older)))
        .withFailMessage("put of an item whose key is already stored should replace it and return"
            + " true, as PutItem does (the contract asks for no condition such as"
            + " attribute_not_exists); it returned %s and DynamoDB answered: %s", replaced,
            refusal())
        .isTrue();
  }

  @Test
  @Points(2)
  @Checks({"6.1", "6.2", "6.8"})
  @DisplayName("get sends one GetItem with the table name and the key, and returns the item")
  void getReturnsTheItem(Submission submission) {
    // given
    Map<String, AttributeValue> item = user("u-2", "Grace", 41);
    dynamoDb.table();
    ItemStore store = submission.create(ItemStore.class, dynamoDb.client(), TABLE);
    putAll(store, item);
    Map<String, AttributeValue> key = key("u-2");

    // when
    Optional<Map<String, AttributeValue>> found = call("get(key)", () -> store.get(key));

    // then
    List<GetItemRequest> gets = dynamoDb.requests(GetItemRequest.class);
    assertThat(gets)
        .withFailMessage(
            "get(key) should send exactly one GetItem request; DynamoDB received: %s",
            dynamoDb.describeRequests())
        .hasSize(1);
    assertThat(gets.get(0).tableName())
        .as("The GetItem request should name the table given to the constructor")
        .isEqualTo(TABLE);
    assertThat(gets.get(0).key())
        .as("The GetItem request should carry the key exactly as given")
        .isEqualTo(key);
    assertThat(found)
        .as("get should return the item of the GetItem response")
        .isEqualTo(Optional.of(item));
  }

  @Test
  @Points(2)
  @Checks({"6.9"})
  @DisplayName("get of a key without an item returns an empty Optional")
  void getOfAMissingItemIsEmpty(Submission submission) {
    // given
    // DynamoDB answers a key without an item with a response that has no Item at all.
    dynamoDb.table();
    ItemStore store = submission.create(ItemStore.class, dynamoDb.client(), TABLE);
    putAll(store, user("u-1", "Ada", 36));

    // when
    Optional<Map<String, AttributeValue>> found =
        call("get(key of a missing item)", () -> store.get(key("nobody")));

    // then
    assertThat(found)
        .withFailMessage(
            "get should return Optional.empty() when the GetItem response has no item, but it"
                + " returned %s. Note: response.item() is an empty map, not null, when there is"
                + " no item; GetItemResponse.hasItem() tells the two apart.",
            found)
        .isEmpty();
  }

  @Test
  @Points(1)
  @Checks({"6.1", "6.2", "6.10", "6.11"})
  @DisplayName("delete sends one DeleteItem with the table name and the key, and returns true,"
      + " even for a key without an item")
  void deleteRemovesTheItem(Submission submission) {
    // given
    dynamoDb.table();
    ItemStore store = submission.create(ItemStore.class, dynamoDb.client(), TABLE);
    putAll(store, user("u-3", "Barbara", 52));
    Map<String, AttributeValue> key = key("u-3");

    // when
    boolean deleted = call("delete(key)", () -> store.delete(key));

    // then
    List<DeleteItemRequest> deletes = dynamoDb.requests(DeleteItemRequest.class);
    assertThat(deletes)
        .withFailMessage(
            "delete(key) should send exactly one DeleteItem request; DynamoDB received: %s",
            dynamoDb.describeRequests())
        .hasSize(1);
    assertThat(deletes.get(0).tableName())
        .as("The DeleteItem request should name the table given to the constructor")
        .isEqualTo(TABLE);
    assertThat(deletes.get(0).key())
        .as("The DeleteItem request should carry the key exactly as given")
        .isEqualTo(key);
    assertThat(deleted && dynamoDb.items().isEmpty())
        .withFailMessage("delete should remove the item and return true once DynamoDB accepted"
            + " it; it returned %s and DynamoDB answered: %s", deleted, refusal())
        .isTrue();

    boolean deletedAgain = call("delete(key) of a key without an item", () -> store.delete(key));

    assertThat(deletedAgain)
        .withFailMessage("delete of a key without an item should return true, as DeleteItem"
            + " succeeds then (the contract asks for no condition such as attribute_exists);"
            + " DynamoDB answered: %s", refusal())
        .isTrue();
  }

  @Test
  @Points(2)
  @Checks({"6.3", "6.7", "6.11"})
  @DisplayName("put and delete return true when DynamoDB accepts them, false when DynamoDB or"
      + " the SDK fails; nothing escapes")
  void writeFailuresReturnFalse(Submission submission) {
    // given
    dynamoDb.table();
    ItemStore working = submission.create(ItemStore.class, dynamoDb.client(), TABLE);
    putAll(working, user("u-4", "Linus", 29));
    assertThat(call("delete(key)", () -> working.delete(key("u-4"))))
        .withFailMessage("delete should return true when DynamoDB accepts it; DynamoDB answered:"
            + " %s", refusal())
        .isTrue();
    List<RuntimeException> failures =
        List.of(
            dynamoDbError("ResourceNotFoundException", "Requested resource not found"),
            dynamoDbError("ProvisionedThroughputExceededException", "Rate of requests exceeds"),
            SdkClientException.create("Unable to execute HTTP request: connection refused"));
    for (RuntimeException failure : failures) {
      String name = describe(failure);
      DynamoDbDouble failing =
          new DynamoDbDouble()
              .failOn(PutItemRequest.class, failure)
              .failOn(DeleteItemRequest.class, failure);
      ItemStore store = submission.create(ItemStore.class, failing.client(), TABLE);

      // when / then
      boolean stored =
          call(
              "put(item) while DynamoDB throws " + name, () -> store.put(user("u-4", "Linus", 29)));
      boolean deleted =
          call("delete(key) while DynamoDB throws " + name, () -> store.delete(key("u-4")));

      assertThat(stored).as("put should return false when PutItem throws %s", name).isFalse();
      assertThat(deleted)
          .as("delete should return false when DeleteItem throws %s", name)
          .isFalse();
    }
  }

  @Test
  @Points(3)
  @Checks({"6.12", "6.13"})
  @DisplayName("scanAll follows LastEvaluatedKey through every page, an empty page included")
  void scanFollowsEveryPage(Submission submission) {
    // given
    List<List<Map<String, AttributeValue>>> pages =
        List.of(
            List.of(user("u-1", "Ada", 36), user("u-2", "Grace", 41)),
            List.of(user("u-3", "Linus", 29)),
            List.of(),
            List.of(user("u-4", "Barbara", 52), user("u-5", "Edsger", 70)));
    dynamoDb.table();
    ItemStore store = submission.create(ItemStore.class, dynamoDb.client(), TABLE);
    pages.forEach(page -> page.forEach(item -> putAll(store, item)));
    dynamoDb.scanStoredItems(2, 1, 0, 2);

    // when
    List<Map<String, AttributeValue>> items = call("scanAll()", store::scanAll);

    // then
    List<ScanRequest> scans = dynamoDb.requests(ScanRequest.class);
    assertThat(scans)
        .withFailMessage(
            "The table has 4 pages (the third one empty), so scanAll should send 4 Scan requests,"
                + " each with the previous response's LastEvaluatedKey as ExclusiveStartKey, and"
                + " stop at the page without LastEvaluatedKey; it sent %d Scan request(s).",
            scans.size())
        .hasSize(4);
    for (ScanRequest scan : scans) {
      assertThat(scan.tableName())
          .as("Every Scan request should name the table given to the constructor")
          .isEqualTo(TABLE);
    }
    assertThat(items)
        .withFailMessage(
            "scanAll should return the 5 items of all 4 pages in page order; it returned %d"
                + " item(s): %s",
            items.size(), userIds(items))
        .isEqualTo(pages.stream().flatMap(List::stream).toList());
  }

  @Test
  @Points(1)
  @Checks({"6.13"})
  @DisplayName("scanAll of a table that fits in one page sends one Scan; an empty table gives []")
  void scanOfOnePage(Submission submission) {
    // given: three users with a 300 KB photo each, 900 KB in all, under DynamoDB's 1 MB page
    List<Map<String, AttributeValue>> page =
        List.of(withPhoto(user("u-1", "Ada", 36)), withPhoto(user("u-2", "Grace", 41)),
            withPhoto(user("u-3", "Linus", 29)));
    dynamoDb.table();
    ItemStore store = submission.create(ItemStore.class, dynamoDb.client(), TABLE);
    page.forEach(item -> putAll(store, item));
    dynamoDb.scanStoredItems(PageSize.ONE_MEGABYTE);
    DynamoDbDouble emptyTable = new DynamoDbDouble().table().scanStoredItems(PageSize.ONE_MEGABYTE);
    ItemStore emptyStore = submission.create(ItemStore.class, emptyTable.client(), TABLE);

    // when
    List<Map<String, AttributeValue>> items = call("scanAll()", store::scanAll);
    List<Map<String, AttributeValue>> none =
        call("scanAll() of an empty table", emptyStore::scanAll);

    // then
    assertThat(dynamoDb.requests(ScanRequest.class))
        .withFailMessage(
            "A table of 900 KB fits in one Scan page and the response has no LastEvaluatedKey,"
                + " so it is the last page: scanAll should send one Scan; it sent %d.",
            dynamoDb.requests(ScanRequest.class).size())
        .hasSize(1);
    // Compared by ids in the message: the photos would flood the student's feedback.
    assertThat(items.equals(page))
        .withFailMessage("scanAll should return the 3 items of the only page, %s, as stored;"
            + " it returned %d item(s): %s", userIds(page), items.size(), userIds(items))
        .isTrue();
    assertThat(none).as("scanAll of an empty table should return an empty list").isEmpty();
  }

  @Test
  @Points(2)
  @Checks({"6.12", "6.13"})
  @DisplayName("scanAll returns every item of a large table, spread over many pages, in page order")
  void scanOfManyPagesKeepsPageOrder(Submission submission) {
    // given: 64 items stored through put, served in 9 pages, two of them empty, in an order no
    // sorting or hashing keeps
    dynamoDb.table();
    ItemStore store = submission.create(ItemStore.class, dynamoDb.client(), TABLE);
    List<List<Map<String, AttributeValue>>> pages = new ArrayList<>();
    int[] sizes = {10, 7, 0, 12, 9, 0, 11, 8, 7};
    int next = 0;
    for (int size : sizes) {
      List<Map<String, AttributeValue>> page = new ArrayList<>();
      for (int i = 0; i < size; i++, next++) {
        page.add(user("u-" + (next * 37 % 101), "User " + next, 20 + next % 50));
      }
      page.forEach(item -> putAll(store, item));
      pages.add(page);
    }
    dynamoDb.scanStoredItems(sizes);

    // when
    List<Map<String, AttributeValue>> items = call("scanAll()", store::scanAll);

    // then
    List<Map<String, AttributeValue>> expected = pages.stream().flatMap(List::stream).toList();
    assertThat(items)
        .withFailMessage(
            "scanAll of a table of %d items over %d pages should return them all, page after page"
                + " in the order DynamoDB returned them (no set, no sorting); it returned %d"
                + " item(s) in the order %s after %d Scan request(s).",
            expected.size(), pages.size(), items.size(), userIds(items),
            dynamoDb.requests(ScanRequest.class).size())
        .isEqualTo(expected);
  }

  @Test
  @Points(1)
  @Checks({"6.2"})
  @DisplayName("put, get and delete send an item and a composite key (partition and sort key) as given")
  void compositeKeysAreSentAsGiven(Submission submission) {
    // given: a table keyed by user_id and enrolled_at; the key is sent whole, whatever its names
    Map<String, AttributeValue> key =
        Map.of("user_id", AttributeValue.fromS("u-7"), "enrolled_at", AttributeValue.fromN("2024"));
    Map<String, AttributeValue> item = new HashMap<>(key);
    item.put("name", AttributeValue.fromS("Ada"));
    dynamoDb
        .on(PutItemRequest.class, request -> PutItemResponse.builder().build())
        .on(GetItemRequest.class, request -> GetItemResponse.builder().item(item).build())
        .on(DeleteItemRequest.class, request -> DeleteItemResponse.builder().build());
    ItemStore store = submission.create(ItemStore.class, dynamoDb.client(), TABLE);

    // when
    boolean stored = call("put(item) with a partition and a sort key", () -> store.put(item));
    call("get(key) with a partition and a sort key", () -> store.get(key));
    call("delete(key) with a partition and a sort key", () -> store.delete(key));

    // then
    assertThat(stored)
        .withFailMessage(
            "put(item) of an item whose key has a sort key should return true once DynamoDB has"
                + " stored it, but it returned false; DynamoDB answered: %s", refusal())
        .isTrue();
    List<Map<String, AttributeValue>> sent = new ArrayList<>();
    dynamoDb.requests(PutItemRequest.class).forEach(put -> sent.add(put.item()));
    dynamoDb.requests(GetItemRequest.class).forEach(get -> sent.add(get.key()));
    dynamoDb.requests(DeleteItemRequest.class).forEach(delete -> sent.add(delete.key()));
    assertThat(sent)
        .withFailMessage(
            "put(item), get(key) and delete(key) with the item %s and its key %s should send"
                + " them exactly as given in one PutItem, one GetItem and one DeleteItem request"
                + " (a key may have a sort key too), but the requests carried %s.",
            item, key, sent)
        .isEqualTo(List.of(item, key, key));
  }

  @Test
  @Points(1)
  @Checks({"6.4", "6.14"})
  @DisplayName("get and scanAll let a DynamoDB failure propagate instead of returning empty")
  void readFailuresPropagate(Submission submission) {
    // when
    RuntimeException failure = dynamoDbError("ResourceNotFoundException", "Table not found");
    DynamoDbDouble failing = new DynamoDbDouble().failOn(GetItemRequest.class, failure);
    // The first Scan page fails: an empty list must not come back as if the table were empty.
    failing.scanPages(
        List.of(List.of(user("u-1", "Ada", 36)), List.of(user("u-2", "Grace", 41))), 0, failure);
    ItemStore store = submission.create(ItemStore.class, failing.client(), TABLE);

    // then
    expectFailure("get(key)", () -> store.get(key("u-1")), failure);
    expectFailure("scanAll()", store::scanAll, failure);
  }

  @Test
  @Points(1)
  @Checks({"6.14"})
  @DisplayName("scanAll lets a failure on a later page propagate instead of a partial list")
  void scanFailureOnALaterPagePropagates(Submission submission) {
    // given
    RuntimeException failure =
        dynamoDbError(
            "ProvisionedThroughputExceededException",
            "The level of configured provisioned throughput for the table was exceeded");
    DynamoDbDouble failing =
        new DynamoDbDouble()
            .scanPages(
                List.of(
                    List.of(user("u-1", "Ada", 36)),
                    List.of(user("u-2", "Grace", 41)),
                    List.of(user("u-3", "Alan", 41))),
                1,
                failure);
    ItemStore store = submission.create(ItemStore.class, failing.client(), TABLE);

    // when / then
    expectFailure("scanAll() when its second page fails", store::scanAll, failure);
  }

  @Test
  @Points(1)
  @Checks({"6.5"})
  @DisplayName("A null or empty item or key is refused with IllegalArgumentException, unsent")
  void badArgumentsAreRefused(Submission submission) {
    // when
    ItemStore store = submission.create(ItemStore.class, dynamoDb.client(), TABLE);

    // then
    expectIllegalArgument("put(null)", () -> store.put(null));
    expectIllegalArgument("put(empty map)", () -> store.put(Map.of()));
    expectIllegalArgument("get(null)", () -> store.get(null));
    expectIllegalArgument("get(empty map)", () -> store.get(Map.of()));
    expectIllegalArgument("delete(null)", () -> store.delete(null));
    expectIllegalArgument("delete(empty map)", () -> store.delete(Map.of()));
    assertThat(dynamoDb.requests())
        .withFailMessage(
            "Nothing should be sent for a null or empty item or key; DynamoDB received: %s",
            dynamoDb.describeRequests())
        .isEmpty();
  }

  /**
   * Stores items through the submission's own put, as code that uses the store does, and fails
   * with DynamoDB's answer if put does not store one: the test cannot go on without its items.
   */
  private void putAll(ItemStore store, Map<String, AttributeValue> item) {
    boolean stored = call("put(item)", () -> store.put(item));
    if (!stored || !dynamoDb.items().contains(item)) {
      throw new AssertionError("This test stores its items through your put(item) first, but"
          + " put returned " + stored + " for an item DynamoDB accepts and the table does not"
          + " hold it; DynamoDB answered: " + refusal());
    }
  }

  private String refusal() {
    String refusal = dynamoDb.lastRefusal();
    return refusal == null ? "nothing refused, requests: " + dynamoDb.describeRequests() : refusal;
  }

  private static Map<String, AttributeValue> user(String id, String name, int age) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("user_id", AttributeValue.fromS(id));
    item.put("name", AttributeValue.fromS(name));
    item.put("age", AttributeValue.fromN(Integer.toString(age)));
    return Map.copyOf(item);
  }

  /** Returns the user with a photo of 300 KB, as DynamoDB counts item sizes. */
  private static Map<String, AttributeValue> withPhoto(Map<String, AttributeValue> user) {
    Map<String, AttributeValue> item = new HashMap<>(user);
    item.put("photo", AttributeValue.fromS("p".repeat(300 * 1024)));
    return Map.copyOf(item);
  }

  private static Map<String, AttributeValue> key(String id) {
    return Map.of("user_id", AttributeValue.fromS(id));
  }

  private static List<String> userIds(List<Map<String, AttributeValue>> items) {
    List<String> ids = new ArrayList<>();
    for (Map<String, AttributeValue> item : items) {
      AttributeValue id = item == null ? null : item.get("user_id");
      ids.add(id == null ? String.valueOf(item) : id.s());
    }
    return ids;
  }

  /** Calls the submission; an exception or a null result fails with a message for the student. */
  private static <T> T call(String described, Supplier<T> action) {
    return resultOf(
        described, "the contract expects a result, never null, and lets no exception out here", action);
  }

  private static void expectFailure(
      String described, Supplier<?> action, RuntimeException failure) {
    expectPropagated(described, failure, action::get);
  }
}
