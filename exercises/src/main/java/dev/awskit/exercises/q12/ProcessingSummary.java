package dev.awskit.exercises.q12;

import java.util.List;

/**
 * Reports what {@link UploadEventHandler#process} did with one event.
 *
 * @param status {@link ProcessingStatus#SUCCESS} or {@link ProcessingStatus#ERROR}
 * @param objects the objects stored in DynamoDB, in event order; never {@code null}
 * @param error what went wrong: {@code null} on success, a non-blank message on error
 */
public record ProcessingSummary(
    ProcessingStatus status, List<ProcessedObject> objects, String error) {

  /** Copies the list of objects, so that the summary cannot change afterwards. */
  public ProcessingSummary {
    objects = objects == null ? List.of() : List.copyOf(objects);
  }

  /** Returns a success summary of the given stored objects. */
  public static ProcessingSummary success(List<ProcessedObject> objects) {
    return new ProcessingSummary(ProcessingStatus.SUCCESS, objects, null);
  }

  /** Returns an error summary with a message and the objects stored before the failure. */
  public static ProcessingSummary error(String error, List<ProcessedObject> storedObjects) {
    return new ProcessingSummary(ProcessingStatus.ERROR, storedObjects, error);
  }
}
