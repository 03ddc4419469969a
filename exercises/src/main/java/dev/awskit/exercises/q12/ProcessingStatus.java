package dev.awskit.exercises.q12;

/** Tells whether {@link UploadEventHandler#process} finished its work. */
public enum ProcessingStatus {
  /** Every record was stored and the notification was published. */
  SUCCESS,
  /** The event was malformed, or a store or the publish failed. */
  ERROR
}
