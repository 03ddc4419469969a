package dev.awskit.grader.hidden.doubles;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Says where a Scan or Query page of a double ends. DynamoDB reads items until it has read 1 MB
 * of them or the request's {@code Limit}, both counted before any filter, and then answers with a
 * {@code LastEvaluatedKey} (sources: "Limit" and "LastEvaluatedKey" in
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Query.html and
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Scan.html). A double serves a
 * realistic table by {@link Bytes}, and by {@link Items} only where a test needs many pages of a
 * few small items, which 1 MB pages would never give.
 */
public sealed interface PageSize {

  /** DynamoDB's own page: 1 MB of items, as {@link ItemSize} measures them. */
  PageSize ONE_MEGABYTE = new Bytes(1024 * 1024);

  /**
   * Ends a page once the items read reach {@code bytes}; the item that crosses the line is read,
   * as DynamoDB reads it (and dynalite, see docs/engine-conformance.md).
   */
  record Bytes(long bytes) implements PageSize {
    @Override
    public boolean reached(int items, long size) {
      return size >= bytes;
    }
  }

  /** Ends a page after {@code items} items, a stand-in for 1 MB on a small table. */
  record Items(int items) implements PageSize {
    @Override
    public boolean reached(int read, long size) {
      return read >= items;
    }
  }

  /** Tells whether a page that has read {@code items} items of {@code size} bytes ends here. */
  boolean reached(int items, long size);

  /**
   * The items a page read, before the filter.
   *
   * @param items the items read, in order
   * @param full whether the page stopped at its size or at the Limit, so that it has a
   *     LastEvaluatedKey even when no item follows (DynamoDB cannot know without reading on)
   */
  record Page(List<Map<String, AttributeValue>> items, boolean full) {}

  /**
   * Returns the page that a request reads from {@code items}, starting at index {@code start},
   * with the request's {@code limit} (null for none).
   */
  default Page read(List<Map<String, AttributeValue>> items, int start, Integer limit) {
    int max = limit == null ? Integer.MAX_VALUE : limit;
    int end = start;
    long bytes = 0;
    while (true) {
      int read = end - start;
      boolean full = read >= max || reached(read, bytes);
      if (full || end >= items.size()) {
        return new Page(List.copyOf(items.subList(start, end)), full);
      }
      bytes += ItemSize.of(items.get(end));
      end++;
    }
  }
}
