package dev.awskit.exercises.q10;

import dev.awskit.exercises.Exercise;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Lists every object of an S3 bucket under a prefix, across all result pages.
 *
 * <p>The rules are numbered (10.2 is rule 2 of question 10); each hidden test
 * names the rules it checks.
 *
 * <p><b>10.1</b> The implementation is built with {@code new S3ObjectLister(s3Client)} and keeps
 * the client it is given (it never builds one).
 *
 * <p>S3 answers {@code ListObjectsV2} one page at a time: a page holds at most 1,000 keys, and
 * when more are left the response says {@code IsTruncated = true} and gives a
 * {@code NextContinuationToken}. <b>10.2</b> The next request must send that token as its
 * {@code ContinuationToken}. A lister that reads only the first page silently loses objects.
 * Use the SDK's paginator ({@code s3.listObjectsV2Paginator(request)}, the counterpart of
 * boto3's {@code get_paginator('list_objects_v2')}) or write the token loop yourself; both are
 * fine, and either style of building the request too.
 */
@Exercise(
    number = 10,
    title = "Pagination: list every object under a prefix",
    implementation = "S3ObjectLister",
    constructor = {S3Client.class})
public interface ObjectLister {

  /**
   * Returns every object of {@code bucket} whose key starts with {@code prefix}.
   *
   * <p><b>10.3</b> Uses {@code ListObjectsV2} with {@code Bucket} and, when {@code prefix} is not
   * empty, {@code Prefix} on every request (a page request that drops the prefix lists other
   * objects); <b>10.4</b> {@code null} and {@code ""} both mean "no prefix", that is every object
   * of the bucket. <b>10.5</b> The prefix is a plain string match done by S3, not a folder: {@code
   * "logs"} also matches {@code "logs2024/a.txt"}.
   *
   * <p><b>10.6</b> The result keeps S3's order (keys in ascending UTF-8 order, page after page) and
   * maps each {@code S3Object} to an {@link ObjectSummary} of its {@code Key}, {@code Size} and
   * {@code LastModified}. <b>10.7</b> An empty bucket, or a prefix nothing matches, gives an empty
   * list.
   *
   * <p><b>10.8</b> Failures are not swallowed: an {@code S3Exception} (for example
   * {@code NoSuchBucketException} or access denied) or an {@code SdkClientException} propagates
   * unchanged, even when it happens on a later page. An empty or partial list would look like a
   * true answer ("there are no such objects") and mislead the caller.
   *
   * @param bucket the bucket name; must not be {@code null} or blank
   * @param prefix the key prefix, or {@code null} or {@code ""} for every object
   * @return the summaries of all matching objects, in S3's order; never {@code null}
   * @throws IllegalArgumentException <b>10.9</b> if {@code bucket} is {@code null} or blank
   *     (nothing is sent to S3)
   */
  List<ObjectSummary> list(String bucket, String prefix);
}
