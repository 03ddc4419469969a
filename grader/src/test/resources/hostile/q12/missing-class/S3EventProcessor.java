// Hostile: the class that should implement UploadEventHandler is missing (renamed, and it
// implements nothing).
package dev.awskit.solutions.q12;

/** A draft that never became the processor. */
class S3EventProcessorDraft {

  String describe() {
    return "work in progress";
  }
}
