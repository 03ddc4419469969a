package dev.awskit.grader.hidden.q10;

import static dev.awskit.grader.hidden.ServiceErrors.s3Error;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Answers ListObjectsV2 for one bucket as S3 does, with pages of at most {@link #PAGE_SIZE} keys
 * (S3's own limit is 1,000; a small bucket needs small pages to have more than one).
 *
 * <p>Source of every rule below:
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectsV2.html
 *
 * <ul>
 *   <li>{@code Prefix} limits the listing to keys that begin with it;
 *   <li>{@code Delimiter}: a key that holds the delimiter after the prefix is not listed under
 *       {@code Contents}; the part of the key up to and including the first such delimiter is
 *       listed once under {@code CommonPrefixes}, and counts as one key of the page;
 *   <li>{@code StartAfter}: listing starts after this key;
 *   <li>{@code ContinuationToken}: an obfuscated token S3 handed out as a
 *       {@code NextContinuationToken}; listing goes on where that page stopped, and
 *       {@code StartAfter} is then ignored. A token S3 did not issue is refused with 400
 *       {@code InvalidArgument};
 *   <li>{@code MaxKeys}: a page holds at most this many keys (S3 returns at most 1,000 whatever
 *       is asked; 0 gives an empty page); a negative value is refused with 400
 *       {@code InvalidArgument};
 *   <li>{@code IsTruncated} is true exactly when more keys follow, and then
 *       {@code NextContinuationToken} is set; {@code KeyCount} counts the keys and common
 *       prefixes of the page.
 * </ul>
 */
final class FakeBucket {

  static final int PAGE_SIZE = 2;

  /** The most keys S3 returns in one page, whatever MaxKeys asks for. */
  private static final int S3_MAX_KEYS = 1000;

  private final TreeMap<String, S3Object> objects = new TreeMap<>();
  /** The tokens this bucket handed out, each with the last key its page covered. */
  private final Map<String, String> issuedTokens = new HashMap<>();

  /** Stores an object; keys are kept in S3's order (ascending UTF-8 bytes, here UTF-16 order). */
  void put(S3Object object) {
    objects.put(object.key(), object);
  }

  /** Answers one ListObjectsV2 request for this bucket, or throws what S3 would throw. */
  ListObjectsV2Response list(ListObjectsV2Request request) {
    Integer maxKeys = request.maxKeys();
    if (maxKeys != null && maxKeys < 0) {
      throw s3Error(400, "InvalidArgument",
          "Argument maxKeys must be an integer between 0 and 2147483647");
    }
    String prefix = request.prefix() == null ? "" : request.prefix();
    String delimiter = request.delimiter() == null ? "" : request.delimiter();
    String after = after(request);
    int limit = Math.min(PAGE_SIZE, maxKeys == null ? S3_MAX_KEYS : Math.min(maxKeys, S3_MAX_KEYS));

    List<S3Object> contents = new ArrayList<>();
    List<String> commonPrefixes = new ArrayList<>();
    String lastKey = null;
    boolean truncated = false;
    // MaxKeys 0: S3 answers an empty page that is not truncated.
    Iterable<S3Object> candidates =
        limit == 0 ? List.of()
            : after == null ? objects.values() : objects.tailMap(after, false).values();
    for (S3Object object : candidates) {
      String key = object.key();
      if (!key.startsWith(prefix)) {
        if (key.compareTo(prefix) > 0) {
          break;
        }
        continue;
      }
      String rolledUp = commonPrefix(key, prefix, delimiter);
      if (rolledUp != null && commonPrefixes.contains(rolledUp)) {
        lastKey = key; // the rest of a common prefix already listed on this page
        continue;
      }
      if (contents.size() + commonPrefixes.size() == limit) {
        truncated = true;
        break;
      }
      if (rolledUp == null) {
        contents.add(object);
      } else {
        commonPrefixes.add(rolledUp);
      }
      lastKey = key;
    }

    ListObjectsV2Response.Builder response =
        ListObjectsV2Response.builder()
            .name(request.bucket())
            .prefix(request.prefix())
            .delimiter(request.delimiter())
            .startAfter(request.startAfter())
            .continuationToken(request.continuationToken())
            .maxKeys(maxKeys == null ? S3_MAX_KEYS : maxKeys)
            .keyCount(contents.size() + commonPrefixes.size())
            .isTruncated(truncated);
    if (!contents.isEmpty()) {
      response.contents(contents);
    }
    if (!commonPrefixes.isEmpty()) {
      response.commonPrefixes(
          commonPrefixes.stream().map(p -> CommonPrefix.builder().prefix(p).build()).toList());
    }
    if (truncated) {
      response.nextContinuationToken(issue(lastKey));
    }
    return response.build();
  }

  /** Returns the key listing starts after: the token's page end, else StartAfter, else none. */
  private String after(ListObjectsV2Request request) {
    String token = request.continuationToken();
    if (token == null) {
      return request.startAfter();
    }
    String lastKey = issuedTokens.get(token);
    if (lastKey == null) {
      throw s3Error(400, "InvalidArgument", "The continuation token provided is incorrect");
    }
    return lastKey;
  }

  /** Returns the common prefix {@code key} is rolled up into, or null if it is listed itself. */
  private static String commonPrefix(String key, String prefix, String delimiter) {
    if (delimiter.isEmpty()) {
      return null;
    }
    int at = key.indexOf(delimiter, prefix.length());
    return at < 0 ? null : key.substring(0, at + delimiter.length());
  }

  private String issue(String lastKey) {
    String token =
        Base64.getEncoder()
            .encodeToString(("grading-" + issuedTokens.size() + "/" + lastKey.hashCode())
                .getBytes(StandardCharsets.UTF_8));
    issuedTokens.put(token, lastKey);
    return token;
  }
}
