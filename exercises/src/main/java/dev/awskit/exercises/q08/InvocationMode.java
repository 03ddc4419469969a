package dev.awskit.exercises.q08;

/** Says whether a Lambda invocation waits for the function's result. */
public enum InvocationMode {

  /** Waits for the function and returns its result: Lambda's {@code RequestResponse} type. */
  REQUEST_RESPONSE,

  /** Queues the event and returns at once, without a result: Lambda's {@code Event} type. */
  EVENT
}
