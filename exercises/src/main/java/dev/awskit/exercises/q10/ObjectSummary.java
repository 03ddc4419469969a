package dev.awskit.exercises.q10;

import java.time.Instant;

/**
 * Describes one S3 object as {@link ObjectLister#list} returns it.
 *
 * @param key the object's key
 * @param size the object's size in bytes
 * @param lastModified when the object was last written
 */
public record ObjectSummary(String key, long size, Instant lastModified) {}
