package dev.awskit.exercises.q12;

/**
 * Describes one uploaded object that was stored in DynamoDB.
 *
 * @param bucket the bucket the object was uploaded to
 * @param key the object's key, URL-decoded
 * @param size the object's size in bytes
 */
public record ProcessedObject(String bucket, String key, long size) {}
